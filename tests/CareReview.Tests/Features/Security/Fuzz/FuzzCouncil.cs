using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CareReview.Domain.Children;
using CareReview.Domain.Staff;
using CareReview.Domain.Voice;
using CareReview.Tests.Features.Escalations;
using CareReview.Tests.Features.Voice;
using CareReview.Tests.Features.Webhooks;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Deadlines;
using CareReview.Web.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Security.Fuzz;

/// <summary>
/// A small council with one of every record a form can be about, each made as the app makes it: a child with a
/// review held (with a recommendation and decisions issued) and one arranged, two escalations (one informal, one
/// at the formal stage with the team manager to respond), a Cafcass referral, a parent's link, a child's set-up
/// link and a child's own sign-in; a child whose period of care the fuzzer may end and start again, and a child
/// of another IRO, whose id the fuzzer sends where it does not belong. Every kind of user signs in.
/// </summary>
internal sealed partial class FuzzCouncil
{
    private FuzzCouncil(AppFactory app) => App = app;

    public AppFactory App { get; }

    /// <summary>The child most forms are about.</summary>
    public int ChildId { get; private set; }

    /// <summary>The child whose period of care, allocation and the like the fuzzer may end or change.</summary>
    public int ChangingChildId { get; private set; }

    /// <summary>A child who has left care, whose new period of care the fuzzer may start.</summary>
    public int LeftCareChildId { get; private set; }

    public int HeldReviewId { get; private set; }
    public int OpenReviewId { get; private set; }
    public int ChildsOwnReviewId { get; private set; }
    public IReadOnlyList<int> EscalationIds { get; private set; } = [];
    public int ReferralId { get; private set; }
    public int RecommendationId { get; private set; }

    /// <summary>An ended use of emergency access by the other IRO, waiting for the IRO manager's review.</summary>
    public int GrantId { get; private set; }

    /// <summary>A delivery of the concern raised to a webhook receiver registered before it (one that is not listening).</summary>
    public long WebhookDeliveryId { get; private set; }
    public IReadOnlyList<int> EpisodeIds { get; private set; } = [];
    public string InvitationToken { get; private set; } = "";
    public string SetUpAddress { get; private set; } = "";

    /// <summary>Signed-in clients, most able first: the first that opens a page is the one whose forms are fuzzed.</summary>
    public IReadOnlyList<(string User, HttpClient Client)> Users { get; private set; } = [];

    /// <summary>Every id the council holds, any of which a form may be sent in place of the right one.</summary>
    public IReadOnlyList<int> Ids { get; private set; } = [];

    public IReadOnlyList<int> SignInRequestIds { get; private set; } = [];

    public static async Task<FuzzCouncil> ArrangeAsync(AppFactory app)
    {
        var council = new FuzzCouncil(app);
        await council.ArrangeAsync();
        return council;
    }

    private async Task ArrangeAsync()
    {
        var today = App.Today;
        var cast = await App.AnEscalationCastAsync();
        var admin = $"admin-{cast.Suffix}";
        await App.AUserAsync(admin, Roles.Administrator);
        using (var administrator = await App.SignedInClientAsync(admin))
        {
            await App.RegisterAsync(administrator, "http://127.0.0.1:9/fuzz", WebhookEvents.EscalationRaised);
        }

        var otherIro = await App.AStaffMemberAsync("Otto Elsewhere", StaffRole.Iro);
        await App.AChildLookedAfterSinceAsync(today.AddDays(-400), otherIro, givenName: "Olly", familyName: "Elsewhere");

        var child = await App.AChildLookedAfterSinceAsync(today.AddDays(-200), cast.Iro, cast.SocialWorker, dateOfBirth: today.AddYears(-12),
            givenName: "Fern", familyName: "Fuzz");
        ChildId = child.Id;
        HeldReviewId = await App.HeldReviewAsync(ChildId, today.AddDays(-150), letter: "Dear Fern, we agreed you will see your gran more.",
            decisionsIssued: true, recommendation: "Arrange monthly contact with grandmother");
        OpenReviewId = await App.ArrangedReviewAsync(ChildId, today.AddDays(10));
        RecommendationId = await App.QueryDbAsync(db => db.Recommendations.Where(r => r.ReviewId == HeldReviewId).Select(r => r.Id).SingleAsync());
        var otherIroUser = await App.AUserAsync($"iro-elsewhere-{cast.Suffix}", Roles.Iro, otherIro);
        GrantId = await App.QueryDbAsync(async db =>
        {
            var grant = new BreakGlassGrant(otherIro.Id, otherIroUser.Id, ChildId, "A duty call about Fern out of hours, needing her plan",
                App.Time.GetUtcNow().UtcDateTime.AddHours(-10), TimeSpan.FromHours(8));
            db.BreakGlassGrants.Add(grant);
            await db.SaveChangesAsync();
            return grant.Id;
        });
        EpisodeIds = await App.QueryDbAsync(db => db.CareEpisodes.Where(e => e.ChildId == ChildId).Select(e => e.Id).ToListAsync());

        await OnTheChildAsync(ChildId, c => c.ChangeCarePlan(CareReview.Tests.Domain.Deadlines.Plan(), "Sid Worker", today, App.Rules));
        await App.ACardAsync(HeldReviewId, ReviewRating.NotHappy, "Nobody listened to me");

        var changing = await App.AChildLookedAfterSinceAsync(today.AddDays(-90), cast.Iro, cast.SocialWorker, dateOfBirth: today.AddYears(-9),
            givenName: "Cal", familyName: "Fuzz");
        ChangingChildId = changing.Id;
        var left = await App.AChildLookedAfterSinceAsync(today.AddDays(-90), cast.Iro, cast.SocialWorker, dateOfBirth: today.AddYears(-15),
            givenName: "Lee", familyName: "Fuzz");
        LeftCareChildId = left.Id;
        await OnTheChildAsync(LeftCareChildId, c => c.CeaseToBeLookedAfter(today.AddDays(-10), ReasonEpisodeCeased.E11, today, App.Rules));
        var sibling = await App.AChildLookedAfterSinceAsync(today.AddDays(-100), cast.Iro, cast.SocialWorker, dateOfBirth: today.AddYears(-10),
            givenName: "Bea", familyName: "Fuzz");

        var own = await App.AChildLookedAfterSinceAsync(today.AddDays(-300), cast.Iro, cast.SocialWorker, dateOfBirth: today.AddYears(-13),
            givenName: "Mo", familyName: "Fuzz");
        ChildsOwnReviewId = await App.HeldReviewAsync(own.Id, today.AddDays(-20), letter: "Dear Mo, you will stay with Pat.", decisionsIssued: true);
        await App.ArrangedReviewAsync(own.Id, today.AddDays(30));
        var childUser = await App.AChildSignInAsync(own);

        var informal = await App.RaiseAsync(cast.IroUser, ChildId);
        var formal = await App.RaiseAsync(cast.IroUser, ChildId, category: "NoExitPlan");
        await App.StartFormalAsync(cast.IroUser, formal, 1, cast.TeamManager);
        EscalationIds = [informal, formal];
        WebhookDeliveryId = await App.QueryDbAsync(db => db.WebhookDeliveries.Select(d => d.Id).FirstAsync());

        using (var iro = await App.SignedInClientAsync(cast.IroUser))
        {
            var referral = new Dictionary<string, string> { ["Input.Reasons"] = "The plan has not been reviewed", ["Input.Grounds[0]"] = "CaseNotReviewed" };
            EscalationSteps.Date(referral, "Input.ReferredOn", today);
            using var referred = await App.SubmitFormAsync(iro, $"/children/{ChildId}/cafcass/new", referral);
            Assert.True(referred.StatusCode == HttpStatusCode.Redirect, await referred.Content.ReadAsStringAsync());
            ReferralId = await App.QueryDbAsync(db => db.CafcassReferrals.Where(r => r.ChildId == ChildId).Select(r => r.Id).SingleAsync());
        }

        using (var socialWorker = await App.SignedInClientAsync(cast.SocialWorkerUser))
        {
            using var setUp = await App.SubmitFormAsync(socialWorker, $"/children/{sibling.Id}/own-sign-in?handler=Create",
                new Dictionary<string, string> { ["UserName"] = $"bea-{cast.Suffix}" });
            SetUpAddress = LinkIn(await setUp.Content.ReadAsStringAsync(), "set-up-link");
            InvitationToken = await InvitationAsync(socialWorker, "Pat Parent");
        }

        var parent = App.AnonymousClient();
        using (var iro = await App.SignedInClientAsync(cast.IroUser))
        {
            using var opened = await App.SubmitFormAsync(parent, $"/invite/{await InvitationAsync(iro, "Kim Carer")}", new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        }

        // Two people waiting to sign in through the council's provider, for the IRO manager's approval pages (ADR-0031).
        SignInRequestIds = [await AWaitingSignInAsync("Wyn Waiting"), await AWaitingSignInAsync("Val Waiting")];

        await App.RunReminderJobAsync();
        Users =
        [
            (cast.IroManagerUser, await App.SignedInClientAsync(cast.IroManagerUser)),
            (cast.IroUser, await App.SignedInClientAsync(cast.IroUser)),
            (cast.SocialWorkerUser, await App.SignedInClientAsync(cast.SocialWorkerUser)),
            (cast.TeamManagerUser, await App.SignedInClientAsync(cast.TeamManagerUser)),
            (cast.HeadOfServiceUser, await App.SignedInClientAsync(cast.HeadOfServiceUser)),
            (admin, await App.SignedInClientAsync(admin)),
            (childUser, await App.SignedInClientAsync(childUser)),
            ("a parent", parent),
        ];
        Ids = await App.QueryDbAsync(async db => (IReadOnlyList<int>)
        [
            .. await db.Children.Select(c => c.Id).ToListAsync(), .. await db.StaffMembers.Select(s => s.Id).ToListAsync(),
            .. await db.Reviews.Select(r => r.Id).ToListAsync(), .. await db.Escalations.Select(e => e.Id).ToListAsync(),
            .. await db.Recommendations.Select(r => r.Id).ToListAsync(), .. await db.CareEpisodes.Select(e => e.Id).ToListAsync(),
            .. await db.ParentInvitations.Select(i => i.Id).ToListAsync(),
        ]);
    }

    private Task<int> AWaitingSignInAsync(string name) =>
        App.QueryDbAsync(async db =>
        {
            var user = new AppUser { UserName = $"oidc-{Guid.NewGuid():N}", DisplayName = name, Email = $"{Guid.NewGuid():N}@council.example" };
            db.Users.Add(user);
            var request = new SignInRequest(user.Id, App.Time.GetUtcNow().UtcDateTime);
            request.TriedAgain([Roles.Iro], "North team", App.Time.GetUtcNow().UtcDateTime);
            db.SignInRequests.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });

    private Task OnTheChildAsync(int childId, Action<Child> change) =>
        App.ExecuteDbAsync(async db =>
        {
            var child = await db.Children.WithDeadlineFacts().SingleAsync(c => c.Id == childId);
            change(child);
            child.RecalculateDeadlines(App.Today, App.Rules);
        });

    private async Task<string> InvitationAsync(HttpClient staff, string name)
    {
        using var made = await App.SubmitFormAsync(staff, $"/children/{ChildId}/reviews/{OpenReviewId}/invitations",
            new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Relationship"] = "Carer" });
        return LinkIn(await made.Content.ReadAsStringAsync(), "invitation-link")["/invite/".Length..];
    }

    /// <summary>The path and query of a link a page shows once (a set-up or parent's link).</summary>
    private static string LinkIn(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{testId}\">([^<]+)</code>");
        Assert.True(match.Success, $"The page shows no {testId}");
        return new Uri(WebUtility.HtmlDecode(match.Groups[1].Value)).PathAndQuery;
    }

    /// <summary>
    /// The addresses a page's route stands for in this council: each route value replaced by the records it can
    /// name. A child's period of care, allocation and the like are changed on their own child, so that the rest of
    /// the child's forms stay open whatever the fuzzer gets accepted.
    /// </summary>
    public IEnumerable<string> AddressesOf(string route)
    {
        var child = route switch
        {
            "/children/{id:int}/new-period" => LeftCareChildId,
            "/children/{id:int}/cease" or "/children/{id:int}/allocation" or "/children/{id:int}/change" => ChangingChildId,
            _ => ChildId,
        };
        IReadOnlyList<string> Values(string name) => name switch
        {
            "reviewId:int" => route.StartsWith("/me/", StringComparison.Ordinal) ? [Number(ChildsOwnReviewId)] : [Number(HeldReviewId), Number(OpenReviewId)],
            "episodeId:int" => [.. EpisodeIds.Select(Number)],
            "kind" => [.. RecordModel.Kinds.Select(k => k.Slug)],
            "step" => ["I1", "I2", "I3", "I4", "I5", "I6"],
            "token" => [InvitationToken],
            "id" => [.. App.Rules.Catalogue.Rules.Where(r => r.IsConfigurable).Select(r => r.Id).Distinct().Take(2)],
            "id:int" => route.Split('/')[1] switch
            {
                "children" => [Number(child)],
                "escalations" => [.. EscalationIds.Select(Number)],
                "cafcass" => [Number(ReferralId)],
                "recommendations" => [Number(RecommendationId)],
                "break-glass" => [Number(GrantId)],
                "sign-ins" => [.. SignInRequestIds.Select(Number)],
                _ => throw new InvalidOperationException($"The fuzzer does not know what {{id:int}} names in {route}"),
            },
            "id:long" when route.StartsWith("/webhooks/deliveries/", StringComparison.Ordinal) => [WebhookDeliveryId.ToString(CultureInfo.InvariantCulture)],
            _ => throw new InvalidOperationException($"The fuzzer does not know what {{{name}}} names in {route}"),
        };

        IEnumerable<string> addresses = [route];
        foreach (Match parameter in RouteParameter().Matches(route))
        {
            var values = Values(parameter.Groups[1].Value);
            addresses = [.. addresses.SelectMany(a => values.Select(v => a.Replace(parameter.Value, v, StringComparison.Ordinal)))];
        }

        return route == "/set-up" ? [SetUpAddress] : addresses;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("\\{([^}]+)\\}")]
    private static partial Regex RouteParameter();
}
