using System.Text.RegularExpressions;
using CareReview.Domain;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Research;
using CareReview.Tests.Domain.Returns;

namespace CareReview.Tests.Domain.Research;

/// <summary>What the extract's files hold, cell by cell, for a council's year: no date, and no count of days.</summary>
public sealed partial class ResearchExtractOutputTests
{
    private static readonly FinancialYear s_year = new(2026);

    [GeneratedRegex(@"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}-\d{1,2}-\d{4}|\d{8}")]
    private static partial Regex ADate();

    [GeneratedRegex(@"^(\d{4}-Q[1-4]|\*)$")]
    private static partial Regex AQuarter();

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex ASmallNumber();

    // k 1 writes every column as finely as it goes.
    [Theory]
    [InlineData(1)]
    [InlineData(KAnonymity.DefaultK)]
    public void No_cell_holds_a_date_a_count_of_days_or_timing_finer_than_a_quarter(int k)
    {
        var children = ReturnPopulation.Build(42, new DateOnly(2026, 11, 23), Rulebook.National);
        var extract = ResearchExtract.Build(ResearchFixtures.FactsOf(children), s_year.Start, s_year.End, new FixedRandom(2), k);
        var files = new (IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<string>> Rows)[]
        {
            (ResearchVariables.Children.Header, extract.Children.Select(ResearchVariables.Children.Values)),
            (ResearchVariables.Reviews.Header, extract.Reviews.Select(ResearchVariables.Reviews.Values)),
            (ResearchVariables.Tables.Header, extract.TableRows().Select(ResearchVariables.Tables.Values)),
        };

        foreach (var (header, rows) in files)
        {
            Assert.DoesNotContain(header, h => h.Contains("day", StringComparison.Ordinal) || h.Contains("date", StringComparison.Ordinal) || h.Contains("dob", StringComparison.Ordinal));
            var table = rows.ToList();
            Assert.NotEmpty(table);
            foreach (var row in table)
            {
                foreach (var (column, cell) in header.Zip(row))
                {
                    Assert.False(ADate().IsMatch(cell), $"{column}: {cell}");
                    if (column == "quarter")
                    {
                        Assert.Matches(AQuarter(), cell);
                    }
                    else if (column is not ("pid" or "iro_pid" or "table" or "row" or "column"))
                    {
                        // Every other cell is a code or a count, never a number of days or a year.
                        Assert.True(cell.Length <= 14 && (!cell.Any(char.IsDigit) || ASmallNumber().IsMatch(cell) || cell.Length <= 5), $"{column}: {cell}");
                    }
                }
            }
        }

        Assert.Contains(extract.Reviews, r => AQuarter().IsMatch(r.Quarter));
    }
}
