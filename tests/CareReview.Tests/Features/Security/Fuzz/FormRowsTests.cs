using System.Globalization;
using System.Net;
using CareReview.Domain.Staff;
using CareReview.Tests.Features.Escalations;
using CareReview.Tests.Features.Reviews;
using CareReview.Tests.Features.Voice;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Features.Escalations;
using CareReview.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Security.Fuzz;

/// <summary>
/// What the fuzz test found (seed 7): a form's rows named in an extra field (<c>Input.Recommendations.index=6</c>), which
/// no page writes, answered 500 on the review record and the dispute-resolution stages, and a dictionary's rows named
/// that way twice answered 500 from inside ASP.NET Core's binder. The rows are read as the page writes them
/// (<see cref="FormRows"/>), so each of these posts is saved with what the page sent.
/// </summary>
public sealed class FormRowsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_review_record_with_its_rows_named_in_an_extra_field_is_saved_with_the_rows_the_page_sent()
    {
        var (client, child, reviewId, iro) = await AReviewToRecordAsync();
        var form = ReviewForms.RecordForm((await app.ReloadAsync(child)).Version, app.Today);
        ReviewForms.AddRecommendation(form, 0, "Arrange a PEP meeting", iro, app.Today.AddDays(28), "PEP minutes sent to the IRO");

        using var response = await client.PostFormAsync($"/children/{child}/reviews/{reviewId}/record",
            [.. form, new("Input.Recommendations.index", "6")]);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Summary(await response.Content.ReadAsStringAsync()));
        var held = (await app.ReloadAsync(child)).Reviews.Single(r => r.Id == reviewId);
        Assert.Equal(["Arrange a PEP meeting"], held.Recommendations.Select(r => r.Action));
    }

    [Fact]
    public async Task A_review_record_with_its_considerations_named_twice_in_an_extra_field_is_saved_with_those_the_page_sent()
    {
        var (client, child, reviewId, _) = await AReviewToRecordAsync();
        var form = ReviewForms.RecordForm((await app.ReloadAsync(child)).Version, app.Today);

        using var response = await client.PostFormAsync($"/children/{child}/reviews/{reviewId}/record",
            [.. form, new("Input.Considerations.index", "2"), new("Input.Considerations.index", "null")]);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Summary(await response.Content.ReadAsStringAsync()));
        var held = (await app.ReloadAsync(child)).Reviews.Single(r => r.Id == reviewId);
        Assert.True(held.IsHeld);
    }

    [Fact]
    public async Task The_stages_with_their_rows_named_in_an_extra_field_are_saved_as_the_page_sent_them()
    {
        var cast = await app.AnEscalationCastAsync();
        var admin = $"admin-{cast.Suffix}";
        await app.AUserAsync(admin, Roles.Administrator);
        using var client = await app.SignedInClientAsync(admin);
        var revision = AppFactory.HiddenValueIn(await client.GetPageAsync("/escalations/stages"), "Input.Revision");
        var form = new Dictionary<string, string> { ["Input.Revision"] = revision };
        for (var i = 0; i < StagesModel.Rows; i++)
        {
            form[$"Input.Stages[{i}].Respondent"] = i < 2 ? $"Respondent {i + 1}" : "";
            form[$"Input.Stages[{i}].ResponseWorkingDays"] = i < 2 ? "5" : "";
        }

        using var response = await client.PostFormAsync("/escalations/stages", [.. form, new("Input.Stages.index", "6")]);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Summary(await response.Content.ReadAsStringAsync()));
        var next = int.Parse(revision, CultureInfo.InvariantCulture) + 1;
        Assert.Equal(["Respondent 1", "Respondent 2"], await app.QueryDbAsync(db =>
            db.Set<CareReview.Web.Data.Entities.DrpStageSetting>().Where(s => s.Revision == next).OrderBy(s => s.Number).Select(s => s.Respondent).ToListAsync()));
    }

    private static string Summary(string page) =>
        page.Contains("govuk-error-summary", StringComparison.Ordinal)
            ? VoiceSteps.Text(page[page.IndexOf("govuk-error-summary", StringComparison.Ordinal)..][..2000])
            : HtmlForms.Fault(page);

    /// <summary>A child of 11 with a review arranged for today, and their IRO signed in.</summary>
    private async Task<(HttpClient Client, int Child, int ReviewId, int Iro)> AReviewToRecordAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var iro = await app.AStaffMemberAsync("Rowena Rows", StaffRole.Iro);
        await app.AUserAsync($"iro-{suffix}", Roles.Iro, iro);
        var child = await app.AChildLookedAfterSinceAsync(app.Today.AddDays(-20), iro, dateOfBirth: app.Today.AddYears(-11));
        var reviewId = await app.ArrangedReviewAsync(child.Id, app.Today);
        return (await app.SignedInClientAsync($"iro-{suffix}"), child.Id, reviewId, iro.Id);
    }
}
