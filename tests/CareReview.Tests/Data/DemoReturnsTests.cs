using CareReview.Domain;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Returns;
using CareReview.Web.Demo;
using static CareReview.Tests.Domain.Dates;

namespace CareReview.Tests.Data;

/// <summary>
/// The demo council's returns, checked by the domain's own rules: its DfE return has no problem the app's checks
/// find, its two returns round trip unchanged, and its Annex A list has the children it should with dates that hang
/// together. The domain tests check the same rules on children built with the domain alone (ReturnPopulation);
/// these keep the demo council, which councils and the browser journeys see, to them.
/// It uses no database, so the PostgreSQL run leaves it out (test.sh filters on the trait).
/// </summary>
[Trait("Database", "none")]
public sealed class DemoReturnsTests
{
    private static readonly Rulebook s_rules = Rulebook.National;
    private static readonly DateOnly s_today = D("2026-11-23");
    private static readonly FinancialYear s_year = new(2026);

    private static ReturnFileSet Files(ReturnFiles export) => new(export.Files.ToDictionary(f => f.Name, f => f.Content));

    private static string Describe(IEnumerable<ImportProblem> problems) => string.Join("\n", problems.Take(20));

    private static string? Cell(string?[] row, string column) => AnnexAList8Table.Cell(row, column);

    [Fact]
    public void The_demo_councils_return_passes_the_apps_own_checks_with_no_problems()
    {
        var council = DemoCouncil.Generate(new DemoOptions().Seed, s_today, s_rules);

        var files = ReturnExport.Build(council.Children, s_year);
        var problems = ReturnChecks.Run(files.Tables, s_year);

        Assert.True(files.Episodes.Count > 200, $"Only {files.Episodes.Count} episodes");
        Assert.True(files.Reviews.Count > 200, $"Only {files.Reviews.Count} reviews");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20).Select(p => $"{p.Code} {p.Table} {p.ChildLocalId} {p.Field}: {p.Message}")));
    }

    [Fact]
    public void The_demo_councils_two_returns_round_trip_unchanged()
    {
        var council = DemoCouncil.Generate(new DemoOptions().Seed, s_today, s_rules);
        var current = ReturnExport.Build(council.Children, s_year);
        var previous = ReturnExport.Build(council.Children, s_year.Previous);

        var plan = ReturnImport.Plan(Files(current), Files(previous), null, s_today, s_rules);

        Assert.True(plan.IsClean, Describe(plan.Problems.Listed));
        Assert.Equal(s_year, plan.Year);
        foreach (var (before, after) in new[] { (current, ReturnExport.Build(plan.Children, s_year)), (previous, ReturnExport.Build(plan.Children, s_year.Previous)) })
        {
            Assert.Equal(before.Files.Select(f => f.Name), after.Files.Select(f => f.Name));
            foreach (var (file, again) in before.Files.Zip(after.Files))
            {
                Assert.True(file.Content.SequenceEqual(again.Content), $"{file.Name} for {before.Year} differs after the round trip");
            }
        }

        Assert.True(current.Episodes.Count > 200 && previous.Episodes.Count > 100, $"{current.Episodes.Count} and {previous.Episodes.Count} episodes");
    }

    [Fact]
    public void The_demo_councils_list_has_a_row_for_each_child_in_care_in_the_window_and_its_dates_hang_together()
    {
        var today = D("2026-11-23");
        var (from, to) = (D("2026-05-24"), today);
        var council = DemoCouncil.Generate(new DemoOptions().Seed, today, s_rules);
        var expected = council.Children.Where(c => c.Episodes.Any(e => e.StartedOn <= to && (e.EndedOn is null || e.EndedOn >= from)
            && !e.LegalStatus.IsShortBreak())).Select(c => c.LocalId).Order(StringComparer.Ordinal);

        var table = AnnexAList8.Build(council.Children, from, to);

        Assert.True(table.Rows.Count > 50, $"Only {table.Rows.Count} children");
        Assert.Equal(expected, table.Rows.Select(r => r[0]));
        var dateColumns = AnnexAList8.Columns.Where(c => c.StartsWith("Date", StringComparison.Ordinal) || c.StartsWith("Start", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, dateColumns.Count);
        foreach (var row in table.Rows)
        {
            DateOnly? Date(string column) => Cell(row, column) is { } text
                ? DateOnly.ParseExact(text, "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)
                : null;

            Assert.All(dateColumns, c => Assert.True(Date(c) is null || Date(c) <= to, $"{row[0]} {c} {Cell(row, c)}"));
            var started = Date("Date Started to be Looked After")!.Value;
            Assert.True(Date("Start Date of Most Recent Placement") >= started, row[0]);
            Assert.True(Date("Start date of current legal status") >= started, row[0]);
            Assert.True(Date("Date of Latest Statutory Review") is null || Date("Date of Latest Statutory Review") >= started, row[0]);
            Assert.True(Date("Date Ceased to be Looked After") is null || Date("Date Ceased to be Looked After") >= from, row[0]);
            Assert.Equal(Date("Date Ceased to be Looked After") is null, Cell(row, "Reason Ceased to be Looked After") is null);
            Assert.True(int.Parse(Cell(row, "Number of Placements in the Last 12 Months")!, System.Globalization.CultureInfo.InvariantCulture) >= 1, row[0]);
        }
    }
}
