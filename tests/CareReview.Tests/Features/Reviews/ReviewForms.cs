using System.Globalization;
using System.Net;
using CareReview.Domain.Children;
using CareReview.Domain.Reviews;
using CareReview.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Reviews;

/// <summary>The forms and reloads the review tests share: arranging a review, recording one, dates in three boxes.</summary>
internal static class ReviewForms
{
    public static void Date(Dictionary<string, string> form, string name, DateOnly date)
    {
        form[$"{name}.Day"] = date.Day.ToString(CultureInfo.InvariantCulture);
        form[$"{name}.Month"] = date.Month.ToString(CultureInfo.InvariantCulture);
        form[$"{name}.Year"] = date.Year.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The child as saved, with episodes, reviews, recommendations and their history.</summary>
    public static Task<Child> ReloadAsync(this AppFactory app, int id) => app.QueryDbAsync(db => db.Children
        .Include(c => c.Episodes)
        .Include(c => c.Reviews).ThenInclude(r => r.Recommendations).ThenInclude(r => r.Updates)
        .AsNoTracking().AsSplitQuery().SingleAsync(c => c.Id == id));

    /// <summary>Arranges the child's next review through the page, as the signed-in user.</summary>
    public static async Task<Review> ArrangeReviewAsync(this AppFactory app, HttpClient client, Child child, DateOnly on, string? latenessReason = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Version"] = (await app.ReloadAsync(child.Id)).Version.ToString(CultureInfo.InvariantCulture),
            ["Input.Venue"] = "Foster home",
            ["Input.Invitees"] = "Sol Worker, social worker",
            ["Input.StartsAt"] = "10:30",
        };
        Date(form, "Input.Date", on);
        if (latenessReason is not null)
        {
            form["Input.LatenessReason"] = latenessReason;
        }

        using var response = await app.SubmitFormAsync(client, $"/children/{child.Id}/reviews/arrange", form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return (await app.ReloadAsync(child.Id)).OpenReview!;
    }

    /// <summary>A complete review record for a child of 4 or over who attended and spoke (PN1).</summary>
    public static Dictionary<string, string> RecordForm(long version, DateOnly heldOn)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture),
            ["Input.ParticipationCode"] = "PN1",
            ["Input.Attendees"] = "Ruby; Sol Worker, social worker; Pat Carer, foster carer",
            ["Input.ChildWishesAndFeelings"] = "Likes her school; wants to see her grandmother more",
            ["Input.Considerations[4]"] = "Contact with grandmother to increase",
        };
        Date(form, "Input.HeldOn", heldOn);
        return form;
    }

    public static void AddRecommendation(Dictionary<string, string> form, int row, string action, int ownerStaffId, DateOnly dueOn, string monitoring)
    {
        form[$"Input.Recommendations[{row}].Action"] = action;
        form[$"Input.Recommendations[{row}].OwnerStaffId"] = ownerStaffId.ToString(CultureInfo.InvariantCulture);
        form[$"Input.Recommendations[{row}].Monitoring"] = monitoring;
        Date(form, $"Input.Recommendations[{row}].DueOn", dueOn);
    }
}
