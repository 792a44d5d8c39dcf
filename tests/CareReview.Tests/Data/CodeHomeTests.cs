using System.Text.RegularExpressions;

namespace CareReview.Tests.Data;

/// <summary>
/// A reader finds code where README's "Where things live" says it is (issue 18 point 6). The domain tests test
/// the domain alone: no file under tests/CareReview.Tests/Domain names the web project, or a test helper outside
/// Domain/ (those start the web app). Features/ holds the pages and what only they use: the command-line commands
/// live in Commands/, the PDF, CSV and SVG engines in Output/ and the demo council in Demo/. It reads the source,
/// so it names the file and line to move or change.
/// </summary>
[Trait("Database", "none")]
public sealed partial class CodeHomeTests
{
    private static readonly string s_root = RepositoryRoot();

    /// <summary>The output engines, by file: a feature's own document (ReviewPdf, AnnualReportOutput…) stays in its folder.</summary>
    private static readonly string[] s_engines = ["PrintedDocument.cs", "Csv.cs", "SvgChart.cs"];

    [GeneratedRegex(@"\bCareReview\s*\.\s*Web\b|\bCareReview\s*\.\s*Tests\s*\.\s*(?!Domain\b)\w+")]
    private static partial Regex NamesTheWebProject();

    [GeneratedRegex(@"\b(class|record|struct|interface)\s+(\w+Command|PrintedDocument|Csv|SvgChart)\b")]
    private static partial Regex DeclaresACommandOrEngine();

    /// <summary>The lines of <paramref name="source"/> that name the web project or a web-using test helper, numbered from 1.</summary>
    private static IEnumerable<int> WebLines(string source) => Lines(source, NamesTheWebProject());

    private static IEnumerable<int> Lines(string source, Regex pattern) =>
        source.Split('\n').Select((line, i) => (line, number: i + 1)).Where(l => pattern.IsMatch(l.line)).Select(l => l.number);

    [Fact]
    public void Each_way_of_naming_the_web_project_is_recognised()
    {
        // Written in pieces, so that no scan reads this file as naming the web project.
        const string web = "CareReview" + ".Web", tests = "CareReview" + ".Tests";
        var source = string.Join('\n',
            $"using {web}.Demo;",
            $"using {web};",
            $"using static {web}.Output.Csv;",
            $"var council = {web}.Demo.DemoCouncil.Generate(1, today, rules);",
            $"global::{web} . Demo.DemoOptions x;",
            $"using {tests}.Support;",
            $"using static {tests}.Domain.Dates;",
            $"using static {tests}.Domain.Returns.ReturnFixtures;",
            "using CareReview.Domain.Returns;",
            "var website = \"CareReview.Website\";");

        Assert.Equal([1, 2, 3, 4, 5, 6], WebLines(source));
        Assert.Equal([1, 2, 4], Lines(string.Join('\n',
            "public static class AnnexACommand", "internal sealed class PrintedDocument : IDisposable", "public sealed class ReturnData",
            "public static class Csv", "public static class CsvExport"), DeclaresACommandOrEngine()));
    }

    [Fact]
    public void No_domain_test_uses_the_web_project()
    {
        var files = SourceFiles("tests", "CareReview.Tests", "Domain");
        Assert.NotEmpty(files);

        var offenders = files.SelectMany(f => WebLines(File.ReadAllText(f)).Select(line => Where(f, line))).ToList();

        Assert.True(offenders.Count == 0,
            "The domain tests use CareReview.Domain alone. Build the children with domain code in a fixture under Domain/ "
            + "(ReturnPopulation, ReviewFixtures), or move a test of the web app to Data/ or Features/:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Features_holds_no_command_output_engine_or_demo()
    {
        var files = SourceFiles("src", "CareReview.Web", "Features");
        Assert.NotEmpty(files);
        var features = Path.Combine(s_root, "src", "CareReview.Web", "Features");

        var offenders = files
            .Where(f => Path.GetFileName(f).EndsWith("Command.cs", StringComparison.Ordinal) || s_engines.Contains(Path.GetFileName(f))
                || Path.GetRelativePath(features, f).StartsWith("Demo" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(f => Where(f, Lines(File.ReadAllText(f), DeclaresACommandOrEngine()).DefaultIfEmpty(1).First()))
            .Concat(files.SelectMany(f => Lines(File.ReadAllText(f), DeclaresACommandOrEngine()).Select(line => Where(f, line))))
            .Distinct()
            .ToList();

        Assert.True(offenders.Count == 0,
            "Features/ holds pages and what only they use. Commands go in src/CareReview.Web/Commands, the PDF, CSV and SVG "
            + "engines in src/CareReview.Web/Output, the demo council in src/CareReview.Web/Demo:\n" + string.Join('\n', offenders));
    }

    private static List<string> SourceFiles(params string[] folder) =>
        [.. Directory.EnumerateFiles(Path.Combine([s_root, .. folder]), "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f))];

    private static string Where(string file, int line) => $"{Path.GetRelativePath(s_root, file)}:{line}";

    private static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CareReview.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No CareReview.slnx above {AppContext.BaseDirectory}");
    }
}
