using CareReview.Web.Features.SubjectAccess;

namespace CareReview.Tests.Features.SubjectAccess;

/// <summary>A typed name is removed however its words are spaced or its accents are encoded (ADR-0027).</summary>
public sealed class RedactorTests
{
    private static Redactor Removing(params string[] names) =>
        new(names.Select(n => (n, RedactionKind.NamesTyped)), new HashSet<string>());

    [Theory]
    [InlineData("Seen by Jo\r\nParentson today")]
    [InlineData("Seen by Jo\nParentson today")]
    [InlineData("Seen by Jo  Parentson today")]
    [InlineData("Seen by Jo\u00A0Parentson today")]
    [InlineData("Seen by Jo\tParentson today")]
    [InlineData("Seen by jo parentson today")]
    public void A_name_split_by_a_line_break_or_other_spaces_is_removed(string text)
    {
        var redactor = Removing("Jo Parentson");

        Assert.Equal("Seen by [redacted] today", redactor.Text(text));
        Assert.Equal(1, redactor.Counts[RedactionKind.NamesTyped]);
    }

    [Fact]
    public void A_name_typed_with_odd_spaces_is_removed_where_it_is_written_with_one()
    {
        Assert.Equal("Seen by [redacted] today", Removing("Jo \u00A0 Parentson ").Text("Seen by Jo Parentson today"));
    }

    [Theory]
    [InlineData("Zo\u00EB", "Call Zoe\u0308 at home")]
    [InlineData("Zoe\u0308", "Call Zo\u00EB at home")]
    [InlineData("Zoe\u0308", "Call Zoe\u0308 at home")]
    public void An_accent_written_as_one_letter_or_as_a_letter_and_a_mark_is_the_same_name(string typed, string text)
    {
        var redactor = Removing(typed);

        Assert.Equal("Call [redacted] at home", redactor.Text(text));
        Assert.Equal(1, redactor.Counts[RedactionKind.NamesTyped]);
    }

    [Fact]
    public void Only_whole_words_are_removed()
    {
        Assert.Equal("Joanne Parentsons", Removing("Jo Parentson").Text("Joanne Parentsons"));
        Assert.Equal("Zoe", Removing("Zo\u00EB").Text("Zoe"));
    }
}
