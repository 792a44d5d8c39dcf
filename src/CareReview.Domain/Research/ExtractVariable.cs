namespace CareReview.Domain.Research;

/// <summary>How a variable is stored: SPSS reads text as <c>A</c> (string) and numbers as <c>F</c>.</summary>
public enum VariableType
{
    Text,
    Number,
}

/// <summary>SPSS's measurement level, written in <c>VARIABLE LEVEL</c>.</summary>
public enum MeasurementLevel
{
    Nominal,
    Ordinal,
    Scale,
}

/// <summary>One code a variable can hold and what it means.</summary>
public sealed record ValueLabel(string Code, string Label);

/// <summary>
/// One column of a research extract file, as the CSV header, the codebook and the SPSS syntax all describe
/// it. <paramref name="Width"/> is the most characters a value takes.
/// </summary>
public sealed record ExtractVariable(
    string Name,
    string Label,
    VariableType Type,
    int Width,
    MeasurementLevel Level,
    IReadOnlyList<ValueLabel> ValueLabels)
{
    /// <summary>The SPSS input format: <c>A16</c> for text, <c>F3.0</c> for a whole number.</summary>
    public string SpssFormat => Type == VariableType.Text
        ? $"A{Width.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
        : $"F{Width.ToString(System.Globalization.CultureInfo.InvariantCulture)}.0";
}

/// <summary>A column of a file: the variable, and how a row of the file gives its value.</summary>
public sealed record ExtractColumn<TRow>(ExtractVariable Variable, Func<TRow, string> Value);

/// <summary>One CSV file of the extract: its name, the SPSS dataset it loads into, and its columns in order.</summary>
public sealed class ExtractFile<TRow>(string fileName, string dataset, string description, IReadOnlyList<ExtractColumn<TRow>> columns)
    : IExtractFile
{
    public string FileName { get; } = fileName;
    public string Dataset { get; } = dataset;
    public string Description { get; } = description;
    public IReadOnlyList<ExtractColumn<TRow>> Columns { get; } = columns;
    public IReadOnlyList<ExtractVariable> Variables { get; } = [.. columns.Select(c => c.Variable)];
    public IReadOnlyList<string> Header => [.. Variables.Select(v => v.Name)];

    public IReadOnlyList<string> Values(TRow row) => [.. Columns.Select(c => c.Value(row))];
}

/// <summary>What the codebook and the SPSS syntax need of a file, whatever its rows.</summary>
public interface IExtractFile
{
    string FileName { get; }
    string Dataset { get; }
    string Description { get; }
    IReadOnlyList<ExtractVariable> Variables { get; }
}
