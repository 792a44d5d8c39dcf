using System.Globalization;

namespace CareReview.Domain.Research;

/// <summary>
/// A two-way table of counts of children or reviews, with row and column totals, to be published with small
/// counts suppressed. <see cref="Counts"/> is indexed [row, column] and holds the inner cells only; the totals
/// are worked out here.
/// </summary>
public sealed class CountTable
{
    public CountTable(string name, string title, IReadOnlyList<string> rows, IReadOnlyList<string> columns, int[,] counts)
    {
        if (counts.GetLength(0) != rows.Count || counts.GetLength(1) != columns.Count)
        {
            throw new ArgumentException("The counts do not match the rows and columns.", nameof(counts));
        }

        Name = name;
        Title = title;
        Rows = rows;
        Columns = columns;
        Counts = counts;
    }

    public const string Total = "Total";

    public string Name { get; }
    public string Title { get; }
    public IReadOnlyList<string> Rows { get; }
    public IReadOnlyList<string> Columns { get; }
    public int[,] Counts { get; }

    /// <summary>
    /// The table with its totals, [row, column], the last row and the last column being the totals: a cell
    /// is its count, or <see cref="Suppression.Suppressed"/>.
    /// </summary>
    public string[,] Published() => Suppression.Apply(WithTotals());

    /// <summary>The counts with a total column at the right and a total row at the foot.</summary>
    public int[,] WithTotals()
    {
        int n = Rows.Count, m = Columns.Count;
        var grid = new int[n + 1, m + 1];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                grid[i, j] = Counts[i, j];
                grid[i, m] += Counts[i, j];
                grid[n, j] += Counts[i, j];
                grid[n, m] += Counts[i, j];
            }
        }

        return grid;
    }

    /// <summary>Builds a table by counting <paramref name="items"/> into rows and columns given in order.</summary>
    public static CountTable Count<T>(string name, string title, IEnumerable<T> items, IReadOnlyList<string> rows, Func<T, string> row,
        IReadOnlyList<string> columns, Func<T, string> column)
    {
        var counts = new int[rows.Count, columns.Count];
        foreach (var item in items)
        {
            var i = IndexOf(rows, row(item));
            var j = IndexOf(columns, column(item));
            counts[i, j]++;
        }

        return new CountTable(name, title, rows, columns, counts);
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] == label)
            {
                return i;
            }
        }

        throw new ArgumentException($"'{label}' is not one of the table's labels.", nameof(label));
    }
}

/// <summary>
/// Statistical disclosure control for the extract's aggregate tables (ADR-0013). Primary suppression: a count
/// of 1 to 4 is written as "c". Zero is published. Secondary suppression: wherever a row or a column (its
/// cells and its total) has exactly one suppressed cell, the total would give it away, so the smallest
/// non-zero published cell of that line is suppressed too (the total itself if no inner cell is left),
/// repeated until every line with a suppressed cell has at least two.
/// </summary>
public static class Suppression
{
    public const string Suppressed = "c";

    /// <summary>The smallest count published as it is.</summary>
    public const int Threshold = 5;

    public static bool IsPrimary(int count) => count is > 0 and < Threshold;

    /// <summary>
    /// Suppresses <paramref name="grid"/>, whose last row and last column are the totals of the others.
    /// </summary>
    public static string[,] Apply(int[,] grid)
    {
        int rows = grid.GetLength(0), columns = grid.GetLength(1);
        var hidden = new bool[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                hidden[i, j] = IsPrimary(grid[i, j]);
            }
        }

        // Each line is a row or a column, with its total last.
        var lines = new List<(int Row, int Column)[]>();
        for (var i = 0; i < rows; i++)
        {
            lines.Add([.. Enumerable.Range(0, columns).Select(j => (i, j))]);
        }

        for (var j = 0; j < columns; j++)
        {
            lines.Add([.. Enumerable.Range(0, rows).Select(i => (i, j))]);
        }

        bool changed;
        do
        {
            changed = false;
            foreach (var line in lines)
            {
                if (line.Count(c => hidden[c.Row, c.Column]) != 1)
                {
                    continue;
                }

                var inner = line[..^1]
                    .Where(c => !hidden[c.Row, c.Column] && grid[c.Row, c.Column] > 0)
                    .OrderBy(c => grid[c.Row, c.Column])
                    .Cast<(int Row, int Column)?>()
                    .FirstOrDefault();
                var total = line[^1];
                var second = inner ?? (hidden[total.Row, total.Column] ? null : total);
                if (second is { } cell)
                {
                    hidden[cell.Row, cell.Column] = true;
                    changed = true;
                }
            }
        }
        while (changed);

        var published = new string[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                published[i, j] = hidden[i, j] ? Suppressed : grid[i, j].ToString(CultureInfo.InvariantCulture);
            }
        }

        return published;
    }
}
