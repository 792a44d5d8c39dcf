using System.Text;

namespace CareReview.Domain.Research;

/// <summary>
/// The extract's codebook and SPSS syntax, both written from <see cref="ResearchVariables.Files"/>. The syntax
/// loads each CSV into a dataset of its own (GET DATA /TYPE=TXT, which PSPP also reads) with variable labels,
/// value labels and measurement levels.
/// </summary>
public static class SpssSyntax
{
    public static readonly IReadOnlyList<string> CodebookHeader = ["file", "variable", "label", "type", "width", "spss_format", "level", "code", "code_label"];

    /// <summary>One row per variable (code blank), then one per code it can hold.</summary>
    public static IEnumerable<IReadOnlyList<string>> CodebookRows()
    {
        foreach (var file in ResearchVariables.Files)
        {
            foreach (var v in file.Variables)
            {
                var width = v.Width.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var type = v.Type == VariableType.Text ? "text" : "number";
                var level = v.Level.ToString().ToLowerInvariant();
                yield return [file.FileName, v.Name, v.Label, type, width, v.SpssFormat, level, "", ""];
                foreach (var label in v.ValueLabels)
                {
                    yield return [file.FileName, v.Name, v.Label, type, width, v.SpssFormat, level, label.Code, label.Label];
                }
            }
        }
    }

    public static string For(string window)
    {
        var sps = new StringBuilder();
        sps.Append("* Care Review research extract: ").Append(Clean(window)).Append(".\n");
        sps.Append("* Run from the folder holding the CSV files (or CD to it first). Each file is loaded into a dataset of its own.\n");
        foreach (var file in ResearchVariables.Files)
        {
            sps.Append('\n');
            AppendFile(sps, file);
        }

        sps.Append("\nDATASET ACTIVATE ").Append(ResearchVariables.Files[0].Dataset).Append(".\n");

        return sps.ToString();
    }

    private static void AppendFile(StringBuilder sps, IExtractFile file)
    {
        sps.Append("* ").Append(file.FileName).Append(": ").Append(Clean(file.Description)).Append(".\n");
        sps.Append("GET DATA\n  /TYPE=TXT\n  /FILE='").Append(file.FileName).Append("'\n  /ENCODING='UTF8'\n  /ARRANGEMENT=DELIMITED\n")
            .Append("  /DELCASE=LINE\n  /FIRSTCASE=2\n  /DELIMITERS=\",\"\n  /QUALIFIER='\"'\n  /VARIABLES=\n");
        foreach (var v in file.Variables)
        {
            sps.Append("    ").Append(v.Name).Append(' ').Append(v.SpssFormat).Append('\n');
        }

        sps.Length--;
        sps.Append(".\n");

        sps.Append("VARIABLE LABELS\n");
        sps.AppendJoin("\n", file.Variables.Select((v, i) => $"  {(i == 0 ? "" : "/")}{v.Name} {Quote(v.Label)}"));
        sps.Append(".\n");

        var labelled = file.Variables.Where(v => v.ValueLabels.Count > 0).ToList();
        if (labelled.Count > 0)
        {
            sps.Append("VALUE LABELS\n");
            for (var i = 0; i < labelled.Count; i++)
            {
                var v = labelled[i];
                sps.Append("  ").Append(i == 0 ? "" : "/").Append(v.Name);
                foreach (var label in v.ValueLabels)
                {
                    sps.Append("\n    ").Append(v.Type == VariableType.Text ? Quote(label.Code) : label.Code).Append(' ').Append(Quote(label.Label));
                }

                sps.Append('\n');
            }

            sps.Length--;
            sps.Append(".\n");
        }

        var levels = file.Variables.GroupBy(v => v.Level).OrderBy(g => g.Key)
            .Select(g => $"{string.Join(' ', g.Select(v => v.Name))} ({g.Key.ToString().ToUpperInvariant()})");
        sps.Append("VARIABLE LEVEL ").AppendJoin("\n  /", levels).Append(".\n");
        sps.Append("EXECUTE.\n");

        // A copy keeps the file under its own name when the next GET DATA replaces the active dataset.
        sps.Append("DATASET COPY ").Append(file.Dataset).Append(".\n");
    }

    /// <summary>A string in single quotes, with any single quote doubled, as SPSS reads it.</summary>
    public static string Quote(string text) => "'" + Clean(text).Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Clean(string text) => text.Replace('\r', ' ').Replace('\n', ' ');
}
