using CareReview.Tests.Support;
using CareReview.Web.Features.Ssd;
using CareReview.Web.Features.Ssd.Publishing;

namespace CareReview.Tests.Features.Ssd.Publishing;

/// <summary>docs/ssd/ says what the code writes: the DDL file is the code's, and each proposed table's page has every column with an item reference.</summary>
[Trait("Database", "none")]
public sealed class SsdDocumentationTests
{
    private static readonly string s_docs = Path.Combine(Repository.Root, "docs", "ssd");

    [Fact]
    public void Schema_sql_is_the_definitions_the_code_writes()
    {
        var file = File.ReadAllText(Path.Combine(s_docs, "schema.sql")).ReplaceLineEndings("\n");
        var code = SsdPublication.SchemaSql(SsdPublication.DocumentedSchema);

        Assert.True(file == code, "docs/ssd/schema.sql should be this, made from the definitions (publish-ssd --schema-sql):\n" + code);
    }

    public static TheoryData<string> Documented() =>
        [.. SsdIroTables.All.Select(t => t.Name).Append(SsdTables.VoiceOfChild.Name)];

    [Theory]
    [MemberData(nameof(Documented))]
    public void Each_proposed_table_is_documented_field_by_field_with_an_item_reference(string name)
    {
        var table = SsdPublication.Tables.Single(t => t.Name == name);
        var page = File.ReadAllLines(Path.Combine(s_docs, $"{name}.md"));

        foreach (var column in table.Columns)
        {
            var row = page.FirstOrDefault(l => l.StartsWith($"| {column.Name} |", StringComparison.Ordinal));
            Assert.True(row is not null, $"docs/ssd/{name}.md has no row for {column.Name}");
            var cells = row!.Split('|', StringSplitOptions.TrimEntries)[1..^1];
            Assert.True(cells.Length == 7, $"{column.Name}: a row has name, type, key, item reference, meaning, returns and whether proposed");
            Assert.Matches("^[A-Z]{4}[0-9]{3}A$", cells[3]);
            Assert.Equal(SsdPostgresSchema.SqlType(column.Type), cells[1]);
        }
    }

    [Fact]
    public void The_readme_names_every_table_published()
    {
        var readme = File.ReadAllText(Path.Combine(s_docs, "README.md"));

        Assert.All(SsdPublication.Tables, t => Assert.Contains($"`{t.Name}`", readme, StringComparison.Ordinal));
    }
}
