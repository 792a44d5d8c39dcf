using System.Net;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;

namespace CareReview.Tests.Features.Escalations;

/// <summary>
/// A respondent sees the escalation put to them and nothing else of the child's case; the people who work
/// with the child see it, but only the child's IRO and the IRO manager act on it; anyone else is answered
/// "Page not found", and every refusal is in the audit log.
/// </summary>
public sealed class RefusingAccessToEscalationsTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private EscalationCast _cast = null!;
    private int _childId;
    private int _otherChildId;

    /// <summary>At stage 2, put to the head of service after the team manager answered stage 1.</summary>
    private int _escalationId;

    /// <summary>Another escalation about another child of the same IRO, never put to the head of service.</summary>
    private int _otherEscalationId;

    public async Task InitializeAsync()
    {
        _cast = await app.AnEscalationCastAsync();
        _childId = (await app.AChildOfAsync(_cast, givenName: "Ruby")).Id;
        _otherChildId = (await app.AChildOfAsync(_cast, givenName: "Sam")).Id;
        _escalationId = await app.RaiseAsync(_cast.IroUser, _childId);
        await app.StartFormalAsync(_cast.IroUser, _escalationId, 1, _cast.TeamManager);
        await app.RespondAsync(_cast.TeamManagerUser, _escalationId);
        await app.DecideAsync(_cast.IroUser, _escalationId, "escalate", 2, _cast.HeadOfService.Id, "Not soon enough");
        _otherEscalationId = await app.RaiseAsync(_cast.IroUser, _otherChildId, "ChildParticipation");
        await app.StartFormalAsync(_cast.IroUser, _otherEscalationId, 1, _cast.TeamManager);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<bool> RefusalAuditedAsync(string userName, string details) =>
        (await app.AuditAsync(AuditAction.AccessRefused, userName)).Any(e => e.Details == details);

    [Fact]
    public async Task The_head_of_service_sees_the_escalation_put_to_them_but_nothing_else_of_the_case()
    {
        using var hos = await app.SignedInClientAsync(_cast.HeadOfServiceUser);

        var page = await hos.GetPageAsync($"/escalations/{_escalationId}");

        Assert.Contains("Respond to this escalation", page, StringComparison.Ordinal);
        Assert.Contains("The plan for permanence has drifted for four months", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/children/{_childId}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/children/{_childId}/", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2 class=\"govuk-heading-m\">Cafcass</h2>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Refer to Cafcass", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/escalations/{_escalationId}/decide", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/escalations/to-answer\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await hos.StatusOfAsync($"/escalations/{_escalationId}/respond"));
        Assert.Contains(await app.AuditAsync(AuditAction.EscalationViewed, _cast.HeadOfServiceUser),
            e => e.Details == $"escalation:{_escalationId}" && e.ChildId == _childId);
    }

    [Fact]
    public async Task The_head_of_service_starts_at_the_escalations_to_answer()
    {
        using var hos = await app.SignedInClientAsync(_cast.HeadOfServiceUser);

        using var home = await hos.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/escalations/to-answer", home.Headers.Location!.OriginalString);

        var page = await hos.GetPageAsync("/escalations/to-answer");
        Assert.NotNull(EscalationSteps.RowFor(page, _escalationId));
        Assert.Null(EscalationSteps.RowFor(page, _otherEscalationId));
        Assert.DoesNotContain("href=\"/caseload\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_head_of_service_cannot_open_another_escalation_and_the_refusal_is_audited()
    {
        using var hos = await app.SignedInClientAsync(_cast.HeadOfServiceUser);

        Assert.Equal(HttpStatusCode.NotFound, await hos.StatusOfAsync($"/escalations/{_otherEscalationId}"));
        Assert.Equal(HttpStatusCode.NotFound, await hos.StatusOfAsync($"/escalations/{_otherEscalationId}/respond"));

        Assert.True(await RefusalAuditedAsync(_cast.HeadOfServiceUser, $"escalation:{_otherEscalationId}"));
    }

    [Fact]
    public async Task The_head_of_service_cannot_open_the_childs_page_or_any_caseload_page()
    {
        using var hos = await app.SignedInClientAsync(_cast.HeadOfServiceUser);

        // A role without the CaseWork policy is answered "Page not found", like a record it may not see.
        using (var child = await hos.GetAsync(new Uri($"/children/{_childId}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, child.StatusCode);
            Assert.Contains("Page not found", await child.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, await hos.StatusOfAsync("/caseload"));
        Assert.Equal(HttpStatusCode.NotFound, await hos.StatusOfAsync($"/children/{_childId}/escalations/new"));
        Assert.Equal(HttpStatusCode.NotFound, await hos.StatusOfAsync($"/children/{_childId}/cafcass/new?escalation={_escalationId}"));
        Assert.Equal(HttpStatusCode.NotFound, await hos.StatusOfAsync("/escalations"));

        Assert.True(await RefusalAuditedAsync(_cast.HeadOfServiceUser, $"path:/children/{_childId}"));
        Assert.True(await RefusalAuditedAsync(_cast.HeadOfServiceUser, "path:/caseload"));
        Assert.True(await RefusalAuditedAsync(_cast.HeadOfServiceUser, "path:/escalations"));
    }

    [Theory]
    [InlineData("decide")]
    [InlineData("discussion")]
    public async Task The_head_of_service_cannot_decide_or_record_a_discussion(string page)
    {
        using var hos = await app.SignedInClientAsync(_cast.HeadOfServiceUser);

        Assert.Equal(HttpStatusCode.NotFound, await hos.StatusOfAsync($"/escalations/{_escalationId}/{page}"));

        Assert.True(await RefusalAuditedAsync(_cast.HeadOfServiceUser, $"escalation:{_escalationId};{page}"));
    }

    [Fact]
    public async Task The_team_manager_who_answered_stage_1_cannot_answer_again()
    {
        using var tm = await app.SignedInClientAsync(_cast.TeamManagerUser);

        Assert.Equal(HttpStatusCode.OK, await tm.StatusOfAsync($"/escalations/{_escalationId}"));
        Assert.Equal(HttpStatusCode.NotFound, await tm.StatusOfAsync($"/escalations/{_escalationId}/respond"));
        Assert.Equal(HttpStatusCode.NotFound, await tm.StatusOfAsync($"/escalations/{_escalationId}/decide"));

        Assert.True(await RefusalAuditedAsync(_cast.TeamManagerUser, $"escalation:{_escalationId};respond"));
    }

    [Fact]
    public async Task The_childs_social_worker_sees_the_escalation_but_cannot_decide_on_it()
    {
        using var sw = await app.SignedInClientAsync(_cast.SocialWorkerUser);

        var page = await sw.GetPageAsync($"/escalations/{_escalationId}");
        Assert.DoesNotContain($"/escalations/{_escalationId}/decide", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Respond to this escalation", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, await sw.StatusOfAsync($"/escalations/{_escalationId}/decide"));
        Assert.Equal(HttpStatusCode.NotFound, await sw.StatusOfAsync($"/escalations/{_escalationId}/discussion"));
        Assert.Equal(HttpStatusCode.NotFound, await sw.StatusOfAsync($"/escalations/{_escalationId}/respond"));
        Assert.True(await RefusalAuditedAsync(_cast.SocialWorkerUser, $"escalation:{_escalationId};decide"));
    }

    [Fact]
    public async Task The_childs_social_worker_cannot_post_a_decision_either()
    {
        using var sw = await app.SignedInClientAsync(_cast.SocialWorkerUser);

        // The social worker cannot open the form, so posts to it with an antiforgery token of their own
        // (the sign-out form on the escalation's page, which they may open).
        var token = AppFactory.AntiforgeryTokenIn(await sw.GetPageAsync($"/escalations/{_escalationId}"));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Version"] = EscalationSteps.Number(await app.EscalationVersionAsync(_escalationId)),
            ["Input.Decision"] = "withdraw",
            ["Input.Note"] = "Not needed",
        });
        using var response = await sw.PostAsync(new Uri($"/escalations/{_escalationId}/decide", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null((await app.EscalationAsync(_escalationId)).Outcome);
    }

    [Fact]
    public async Task An_iro_of_other_children_cannot_see_it_and_the_refusal_is_audited()
    {
        var stranger = await app.AStaffMemberAsync("Ivo Stranger", StaffRole.Iro);
        var userName = $"iro-other-{_cast.Suffix}";
        await app.AUserAsync(userName, Roles.Iro, stranger);
        using var client = await app.SignedInClientAsync(userName);

        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/escalations/{_escalationId}"));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/escalations/{_escalationId}/decide"));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/children/{_childId}/escalations/new"));
        Assert.DoesNotContain($"href=\"/escalations/{_escalationId}\"", await client.GetPageAsync("/escalations"), StringComparison.Ordinal);

        Assert.True(await RefusalAuditedAsync(userName, $"escalation:{_escalationId}"));
    }

    [Fact]
    public async Task A_senior_manager_never_asked_cannot_see_it()
    {
        using var ad = await app.SignedInClientAsync(_cast.AssistantDirectorUser);

        Assert.Equal(HttpStatusCode.NotFound, await ad.StatusOfAsync($"/escalations/{_escalationId}"));
        Assert.Contains("Nothing is waiting for you.", await ad.GetPageAsync("/escalations/to-answer"), StringComparison.Ordinal);
        Assert.True(await RefusalAuditedAsync(_cast.AssistantDirectorUser, $"escalation:{_escalationId}"));
    }

    [Fact]
    public async Task Only_respondents_have_escalations_to_answer()
    {
        using var iro = await app.SignedInClientAsync(_cast.IroUser);
        using var sw = await app.SignedInClientAsync(_cast.SocialWorkerUser);

        Assert.Equal(HttpStatusCode.NotFound, await iro.StatusOfAsync("/escalations/to-answer"));
        Assert.Equal(HttpStatusCode.NotFound, await sw.StatusOfAsync("/escalations/to-answer"));
    }
}
