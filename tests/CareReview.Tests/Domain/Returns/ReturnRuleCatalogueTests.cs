using CareReview.Domain.Returns;

namespace CareReview.Tests.Domain.Returns;

/// <summary>The DfE's 2025–26 list of 903 rules, built into the domain assembly.</summary>
public sealed class ReturnRuleCatalogueTests
{
    private static readonly ReturnRuleCatalogue s_catalogue = ReturnRuleCatalogue.Current;

    [Fact]
    public void Every_row_of_the_DfE_list_loads_once()
    {
        Assert.Equal(311, s_catalogue.Rules.Count);
        Assert.Equal(311, s_catalogue.Rules.Select(r => r.Code).Distinct().Count());
    }

    [Fact]
    public void A_rule_carries_its_tables_fields_and_message()
    {
        var rule = s_catalogue["399"];

        Assert.Equal(["Episodes", "Header", "Reviews"], rule.Tables);
        Assert.Equal(["MOTHER", "LS", "REVIEW", "REVIEW_CODE"], rule.Fields);
        Assert.Equal("lac2022_23", rule.DefinedIn);
        Assert.StartsWith("Mother field, review field", rule.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("149")]
    [InlineData("188")]
    [InlineData("198")]
    [InlineData("334")]
    [InlineData("348")]
    [InlineData("384")]
    [InlineData("391")]
    public void Messages_with_trailing_spaces_are_trimmed(string code)
    {
        Assert.Equal(s_catalogue.Message(code).Trim(), s_catalogue.Message(code));
        Assert.NotEmpty(s_catalogue.Message(code));
    }

    [Theory]
    [InlineData("204", "Header_last")]
    [InlineData("542", "OC2")]
    [InlineData("576", "Missing")]
    public void Misspelt_table_names_are_read_as_the_usual_names(string code, string table)
    {
        Assert.Contains(table, s_catalogue[code].Tables);
    }

    [Fact]
    public void Misspelt_and_repeated_field_names_are_normalised()
    {
        Assert.Contains("NB_ADOPTR", s_catalogue["151"].Fields);
        Assert.DoesNotContain("NB_ADOPTER", s_catalogue["151"].Fields);
        Assert.Single(s_catalogue["233"].Fields, f => f == "REASON_PLACE_CHANGE");
    }

    [Fact]
    public void No_table_or_field_keeps_a_DfE_misspelling()
    {
        var names = s_catalogue.Rules.SelectMany(r => r.Tables).ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain("HEader_last", names);
        Assert.DoesNotContain("OC2s", names);
        Assert.DoesNotContain("MIssing", names);
    }

    [Fact]
    public void An_unknown_code_is_refused()
    {
        Assert.False(s_catalogue.Contains("9999"));
        Assert.Throws<KeyNotFoundException>(() => s_catalogue.Message("9999"));
    }
}
