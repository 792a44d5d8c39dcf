using System.Net;
using CareReview.Domain.Escalations;
using CareReview.Tests.Support;
using CareReview.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

using static CareReview.Tests.Features.Escalations.EscalationSteps;

namespace CareReview.Tests.Features.Escalations;

/// <summary>
/// The IRO may refer a child's case to Cafcass at any point (CA 1989 s25B(3)): alongside an escalation,
/// which then goes on, or instead of it, which closes it in the same save; and later records the outcome.
/// </summary>
public sealed class ReferringToCafcassTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private EscalationCast _cast = null!;

    public async Task InitializeAsync() => _cast = await app.AnEscalationCastAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Dictionary<string, string> ReferralForm(int? escalationId, bool closes, string? reasons = "The care plan has not been implemented for six months",
        params string[] grounds)
    {
        var form = new Dictionary<string, string> { ["Input.Reasons"] = reasons ?? "" };
        Date(form, "Input.ReferredOn", app.Today);
        for (var i = 0; i < grounds.Length; i++)
        {
            form[$"Input.Grounds[{i}]"] = grounds[i];
        }

        if (escalationId is { } id)
        {
            form["Input.EscalationId"] = Number(id);
        }

        if (closes)
        {
            form["Input.ClosesEscalation"] = "true";
        }

        return form;
    }

    private Task<List<CafcassReferral>> ReferralsAsync(int childId) =>
        app.QueryDbAsync(db => db.CafcassReferrals.AsNoTracking().Where(r => r.ChildId == childId).OrderBy(r => r.Id).ToListAsync());

    [Fact]
    public async Task A_referral_alongside_an_open_escalation_leaves_the_escalation_open()
    {
        var child = await app.AChildOfAsync(_cast);
        var id = await app.RaiseAsync(_cast.IroUser, child.Id);
        await app.StartFormalAsync(_cast.IroUser, id, 1, _cast.TeamManager);
        using var iro = await app.SignedInClientAsync(_cast.IroUser);

        using var response = await app.SubmitFormAsync(iro, $"/children/{child.Id}/cafcass/new?escalation={id}",
            ReferralForm(id, closes: false, grounds: ["CarePlanNotImplemented", "ReviewDecisionsNotImplemented"]));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        Assert.Equal($"/escalations/{id}", response.Headers.Location!.OriginalString);
        var referral = Assert.Single(await ReferralsAsync(child.Id));
        Assert.Equal((id, app.Today, CafcassGrounds.CarePlanNotImplemented | CafcassGrounds.ReviewDecisionsNotImplemented, CafcassOutcome.AwaitingCafcass),
            (referral.EscalationId, referral.ReferredOn, referral.Grounds, referral.Outcome));
        Assert.Equal(_cast.Iro.Id, referral.ReferredByStaffId);
        var escalation = await app.EscalationAsync(id);
        Assert.Null(escalation.Outcome);
        Assert.Equal(EscalationState.AwaitingResponse, escalation.State);
        Assert.Null(Assert.Single(escalation.Stages).Decision);
        Assert.Single(await app.AuditAsync(AuditAction.CafcassReferralRecorded, _cast.IroUser), e => e.ChildId == child.Id);
        Assert.Empty(await app.AuditOfEscalationAsync(AuditAction.EscalationHandedToCafcass, id));

        var page = await iro.GetPageAsync($"/escalations/{id}");
        Assert.Contains("data-testid=\"cafcass-referral\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/cafcass/{referral.Id}/outcome\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"cafcass-referral\"", await iro.GetPageAsync($"/children/{child.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_referral_that_replaces_the_process_closes_the_escalation_in_the_same_save()
    {
        var child = await app.AChildOfAsync(_cast);
        var id = await app.RaiseAsync(_cast.IroUser, child.Id);
        await app.StartFormalAsync(_cast.IroUser, id, 1, _cast.TeamManager);
        using var iro = await app.SignedInClientAsync(_cast.IroUser);

        using var response = await app.SubmitFormAsync(iro, $"/children/{child.Id}/cafcass/new?escalation={id}",
            ReferralForm(id, closes: true, grounds: ["CaseNotReviewed"]));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var referral = Assert.Single(await ReferralsAsync(child.Id));
        Assert.Equal(id, referral.EscalationId);
        var escalation = await app.EscalationAsync(id);
        Assert.Equal((EscalationOutcome.ReferredToCafcass, app.Today), (escalation.Outcome, escalation.ClosedOn));
        Assert.Equal("The care plan has not been implemented for six months", escalation.ClosingNote);
        Assert.Equal(StageDecision.Closed, Assert.Single(escalation.Stages).Decision);

        var recorded = Assert.Single(await app.AuditAsync(AuditAction.CafcassReferralRecorded, _cast.IroUser), e => e.ChildId == child.Id);
        Assert.Equal($"referral:{referral.Id};grounds:{(int)CafcassGrounds.CaseNotReviewed};escalation:{id}", recorded.Details);
        var handed = Assert.Single(await app.AuditOfEscalationAsync(AuditAction.EscalationHandedToCafcass, id));
        Assert.Equal($"escalation:{id};referral:{referral.Id}", handed.Details);

        // The team manager asked at stage 1 has nothing left to answer.
        using var tm = await app.SignedInClientAsync(_cast.TeamManagerUser);
        Assert.Equal(HttpStatusCode.NotFound, await tm.StatusOfAsync($"/escalations/{id}/respond"));
    }

    [Fact]
    public async Task A_referral_on_its_own_needs_no_escalation()
    {
        var child = await app.AChildOfAsync(_cast);
        using var iro = await app.SignedInClientAsync(_cast.IroUser);

        using var response = await app.SubmitFormAsync(iro, $"/children/{child.Id}/cafcass/new", ReferralForm(null, closes: false, grounds: ["OtherMaterialBreach"]));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        Assert.Null(Assert.Single(await ReferralsAsync(child.Id)).EscalationId);
    }

    [Fact]
    public async Task A_referral_with_no_grounds_says_so_beside_them_and_nothing_is_saved()
    {
        var child = await app.AChildOfAsync(_cast);
        var id = await app.RaiseAsync(_cast.IroUser, child.Id);
        using var iro = await app.SignedInClientAsync(_cast.IroUser);

        using var response = await app.SubmitFormAsync(iro, $"/children/{child.Id}/cafcass/new?escalation={id}", ReferralForm(id, closes: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Pages.AssertFieldError(await response.Content.ReadAsStringAsync(), "Input-Grounds", "Choose at least one ground for the referral (s25B(3))");
        Assert.Empty(await ReferralsAsync(child.Id));
        Assert.Null((await app.EscalationAsync(id)).Outcome);
    }

    [Fact]
    public async Task A_referral_with_no_reasons_says_so_beside_them_and_nothing_is_saved()
    {
        var child = await app.AChildOfAsync(_cast);
        var id = await app.RaiseAsync(_cast.IroUser, child.Id);
        using var iro = await app.SignedInClientAsync(_cast.IroUser);

        using var response = await app.SubmitFormAsync(iro, $"/children/{child.Id}/cafcass/new?escalation={id}",
            ReferralForm(id, closes: true, reasons: " ", grounds: ["CarePlanNotPrepared"]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Pages.AssertFieldError(await response.Content.ReadAsStringAsync(), "Input-Reasons", "Enter why the referral is needed, and how the child's rights are at risk");
        Assert.Empty(await ReferralsAsync(child.Id));
        Assert.Null((await app.EscalationAsync(id)).Outcome);
    }

    [Fact]
    public async Task Closing_an_escalation_needs_the_escalation_chosen()
    {
        var child = await app.AChildOfAsync(_cast);
        var id = await app.RaiseAsync(_cast.IroUser, child.Id);
        using var iro = await app.SignedInClientAsync(_cast.IroUser);

        using var response = await app.SubmitFormAsync(iro, $"/children/{child.Id}/cafcass/new", ReferralForm(null, closes: true, grounds: ["CaseNotReviewed"]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Pages.AssertFieldError(await response.Content.ReadAsStringAsync(), "Input-ClosesEscalation", "Choose the escalation the referral replaces");
        Assert.Empty(await ReferralsAsync(child.Id));
        Assert.Null((await app.EscalationAsync(id)).Outcome);
    }

    [Fact]
    public async Task The_outcome_of_a_referral_is_recorded_and_audited()
    {
        var child = await app.AChildOfAsync(_cast);
        var id = await app.RaiseAsync(_cast.IroUser, child.Id);
        using var iro = await app.SignedInClientAsync(_cast.IroUser);
        using (var referred = await app.SubmitFormAsync(iro, $"/children/{child.Id}/cafcass/new?escalation={id}",
                   ReferralForm(id, closes: false, grounds: ["CarePlanNotImplemented"])))
        {
            Assert.Equal(HttpStatusCode.Redirect, referred.StatusCode);
        }

        var referral = Assert.Single(await ReferralsAsync(child.Id));

        // Without an outcome chosen, the page says so beside it.
        var missing = new Dictionary<string, string> { ["Input.Version"] = Number(referral.Version) };
        Date(missing, "Input.OutcomeOn", app.Today);
        using (var refused = await app.SubmitFormAsync(iro, $"/cafcass/{referral.Id}/outcome", missing))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Pages.AssertFieldError(await refused.Content.ReadAsStringAsync(), "Input-Outcome", "Choose the outcome");
        }

        Assert.Equal(CafcassOutcome.AwaitingCafcass, Assert.Single(await ReferralsAsync(child.Id)).Outcome);

        var form = new Dictionary<string, string>
        {
            ["Input.Version"] = Number(referral.Version),
            ["Input.Outcome"] = "AdviceGiven",
            ["Input.Note"] = "Cafcass advised the council to hold a review within 20 working days",
        };
        Date(form, "Input.OutcomeOn", app.Today);
        using var response = await app.SubmitFormAsync(iro, $"/cafcass/{referral.Id}/outcome", form);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var saved = Assert.Single(await ReferralsAsync(child.Id));
        Assert.Equal((CafcassOutcome.AdviceGiven, app.Today, "Cafcass advised the council to hold a review within 20 working days"),
            (saved.Outcome, saved.OutcomeOn, saved.OutcomeNote));
        Assert.Single(await app.AuditAsync(AuditAction.CafcassOutcomeRecorded, _cast.IroUser),
            e => e.Details == $"referral:{referral.Id};outcome:AdviceGiven" && e.ChildId == child.Id);
        Assert.Contains("Cafcass gave advice", await iro.GetPageAsync($"/escalations/{id}"), StringComparison.Ordinal);

        // Once recorded, the outcome is not recorded again.
        Assert.Equal(HttpStatusCode.NotFound, await iro.StatusOfAsync($"/cafcass/{referral.Id}/outcome"));
    }

    [Fact]
    public async Task Only_the_childs_iro_or_the_iro_manager_refers_to_cafcass()
    {
        var child = await app.AChildOfAsync(_cast);
        using var sw = await app.SignedInClientAsync(_cast.SocialWorkerUser);

        Assert.Equal(HttpStatusCode.NotFound, await sw.StatusOfAsync($"/children/{child.Id}/cafcass/new"));
    }
}
