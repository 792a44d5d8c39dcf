using System.Net;
using CareReview.Domain.Escalations;
using CareReview.Tests.Support;
using Microsoft.EntityFrameworkCore;

using static CareReview.Tests.Features.Escalations.EscalationSteps;

namespace CareReview.Tests.Features.Escalations;

/// <summary>Every escalation form says what is wrong beside the field it is about, and saves nothing until it is right.</summary>
public sealed class EscalationFormMessagesTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private EscalationCast _cast = null!;

    public async Task InitializeAsync() => _cast = await app.AnEscalationCastAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> PostAsync(string user, string url, Dictionary<string, string> form)
    {
        using var client = await app.SignedInClientAsync(user);
        using var response = await app.SubmitFormAsync(client, url, form);
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {url} answered {(int)response.StatusCode}, not the form again");
        return page;
    }

    [Fact]
    public async Task A_concern_with_nothing_filled_in_has_a_message_beside_each_field_and_is_not_saved()
    {
        var child = await app.AChildOfAsync(_cast);

        var page = await PostAsync(_cast.IroUser, $"/children/{child.Id}/escalations/new", ConcernForm(null, null, null, null));

        Pages.AssertFieldError(page, "Input-Category", "Choose what the concern is about");
        Pages.AssertFieldError(page, "Input-Concern", "Enter what is wrong");
        Pages.AssertFieldError(page, "Input-Needed", "Enter what needs to happen to put it right");
        Pages.AssertFieldError(page, "Input-NeededBy", "Enter the date it is needed by");
        Assert.Equal(0, await app.EscalationCountAsync(child.Id));
    }

    [Theory]
    [InlineData("Category", "Input-Category", "Choose what the concern is about")]
    [InlineData("Concern", "Input-Concern", "Enter what is wrong")]
    [InlineData("Needed", "Input-Needed", "Enter what needs to happen to put it right")]
    [InlineData("NeededBy", "Input-NeededBy", "Enter the date it is needed by")]
    public async Task A_concern_missing_one_field_says_so_beside_it_and_is_not_saved(string missing, string fieldId, string message)
    {
        var child = await app.AChildOfAsync(_cast);
        var form = ConcernForm(missing == "Category" ? null : "PoorPractice", missing == "Concern" ? null : "No visits for ten weeks",
            missing == "Needed" ? null : "A visit this week", missing == "NeededBy" ? null : app.Today.AddDays(7));

        var page = await PostAsync(_cast.IroUser, $"/children/{child.Id}/escalations/new", form);

        Pages.AssertFieldError(page, fieldId, message);
        Assert.Equal(0, await app.EscalationCountAsync(child.Id));
    }

    [Fact]
    public async Task A_concern_needed_by_a_day_already_past_is_refused_beside_the_date()
    {
        var child = await app.AChildOfAsync(_cast);

        var page = await PostAsync(_cast.IroUser, $"/children/{child.Id}/escalations/new",
            ConcernForm("PoorPractice", "No visits for ten weeks", "A visit this week", app.Today.AddDays(-1)));

        Pages.AssertFieldError(page, "Input-NeededBy", "The date it is needed by must be today or in the future");
        Assert.Equal(0, await app.EscalationCountAsync(child.Id));
    }

    public static TheoryData<string, string, string> DiscussionProblems => new()
    {
        { "On", "Input-On", "Enter the date of the conversation" },
        { "Future", "Input-On", "The date of the conversation must be today or in the past" },
        { "With", "Input-With", "Enter who the conversation was with" },
        { "Conversation", "Input-Conversation", "Enter what was said" },
        { "AgreedAction", "Input-AgreedAction", "Enter the action agreed, or that none was" },
    };

    [Theory]
    [MemberData(nameof(DiscussionProblems))]
    public async Task An_informal_discussion_missing_a_field_says_so_beside_it_and_is_not_saved(string problem, string fieldId, string message)
    {
        var child = await app.AChildOfAsync(_cast);
        var id = await app.RaiseAsync(_cast.IroUser, child.Id);
        var version = await app.EscalationVersionAsync(id);
        var form = DiscussionForm(version,
            problem switch
            {
                "On" => null,
                "Future" => app.Today.AddDays(1),
                _ => app.Today,
            },
            with: problem == "With" ? null : "Tara Team, team manager",
            conversation: problem == "Conversation" ? null : "Talked it through",
            agreedAction: problem == "AgreedAction" ? null : "Nothing agreed");

        var page = await PostAsync(_cast.IroUser, $"/escalations/{id}/discussion", form);

        Pages.AssertFieldError(page, fieldId, message);
        var saved = await app.EscalationAsync(id);
        Assert.Empty(saved.Discussions);
        Assert.Equal(version, saved.Version);
    }

    [Fact]
    public async Task A_decision_with_nothing_chosen_asks_for_one_and_changes_nothing()
    {
        var child = await app.AChildOfAsync(_cast);
        var id = await app.RaiseAsync(_cast.IroUser, child.Id);
        await app.DiscussAsync(_cast.IroUser, id);
        var version = await app.EscalationVersionAsync(id);

        var page = await PostAsync(_cast.IroUser, $"/escalations/{id}/decide", DecisionForm(version, null));

        Pages.AssertFieldError(page, "Input-Decision", "Choose what happens next");
        var saved = await app.EscalationAsync(id);
        Assert.Equal((EscalationState.Informal, 0, version), (saved.State, saved.Stages.Count, saved.Version));
    }

    [Fact]
    public async Task Starting_the_formal_process_with_no_one_to_respond_asks_who_and_starts_nothing()
    {
        var child = await app.AChildOfAsync(_cast);
        var id = await app.RaiseAsync(_cast.IroUser, child.Id);
        await app.DiscussAsync(_cast.IroUser, id);
        var version = await app.EscalationVersionAsync(id);

        var page = await PostAsync(_cast.IroUser, $"/escalations/{id}/decide", DecisionForm(version, "escalate", 1));

        Pages.AssertFieldError(page, "Input-RespondentStaffId", "Choose the person who will respond");
        var saved = await app.EscalationAsync(id);
        Assert.Equal((EscalationState.Informal, 0, version), (saved.State, saved.Stages.Count, saved.Version));
        Assert.Equal(0, await app.QueryDbAsync(db => db.Set<EscalationStage>().CountAsync(s => s.EscalationId == id)));
    }

    [Fact]
    public async Task Escalating_a_formal_stage_with_no_one_to_respond_asks_who_and_leaves_the_stage_open()
    {
        var child = await app.AChildOfAsync(_cast);
        var id = await app.RaiseAsync(_cast.IroUser, child.Id);
        await app.StartFormalAsync(_cast.IroUser, id, 1, _cast.TeamManager);
        var version = await app.EscalationVersionAsync(id);

        var page = await PostAsync(_cast.IroUser, $"/escalations/{id}/decide", DecisionForm(version, "escalate", 2, note: "Too slow"));

        Pages.AssertFieldError(page, "Input-RespondentStaffId", "Choose the person who will respond");
        var saved = await app.EscalationAsync(id);
        Assert.Null(Assert.Single(saved.Stages).Decision);
        Assert.Equal(version, saved.Version);
    }

    [Fact]
    public async Task Only_a_team_manager_or_senior_manager_who_can_sign_in_may_be_asked_to_respond()
    {
        var child = await app.AChildOfAsync(_cast);
        var id = await app.RaiseAsync(_cast.IroUser, child.Id);
        await app.DiscussAsync(_cast.IroUser, id);
        var version = await app.EscalationVersionAsync(id);

        var page = await PostAsync(_cast.IroUser, $"/escalations/{id}/decide", DecisionForm(version, "escalate", 1, _cast.SocialWorker.Id));

        Pages.AssertFieldError(page, "Input-RespondentStaffId", "Choose the person who will respond");
        Assert.Empty((await app.EscalationAsync(id)).Stages);
        Assert.DoesNotContain($"<option value=\"{_cast.SocialWorker.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{_cast.HeadOfService.Id}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolving_informally_with_no_note_asks_how_and_leaves_it_open()
    {
        var child = await app.AChildOfAsync(_cast);
        var id = await app.RaiseAsync(_cast.IroUser, child.Id);
        await app.DiscussAsync(_cast.IroUser, id);
        var version = await app.EscalationVersionAsync(id);

        var page = await PostAsync(_cast.IroUser, $"/escalations/{id}/decide", DecisionForm(version, "resolve"));

        Pages.AssertFieldError(page, "Input-Note", "Say how it was resolved");
        var saved = await app.EscalationAsync(id);
        Assert.Null(saved.Outcome);
        Assert.Equal(version, saved.Version);
    }

    [Fact]
    public async Task Resolving_a_formal_stage_with_no_note_asks_how_and_leaves_it_open()
    {
        var child = await app.AChildOfAsync(_cast);
        var id = await app.RaiseAsync(_cast.IroUser, child.Id);
        await app.StartFormalAsync(_cast.IroUser, id, 1, _cast.TeamManager);
        await app.RespondAsync(_cast.TeamManagerUser, id);
        var version = await app.EscalationVersionAsync(id);

        var page = await PostAsync(_cast.IroUser, $"/escalations/{id}/decide", DecisionForm(version, "resolve", note: "   "));

        Pages.AssertFieldError(page, "Input-Note", "Say how it was resolved");
        var saved = await app.EscalationAsync(id);
        Assert.Null(saved.Outcome);
        Assert.Null(Assert.Single(saved.Stages).Decision);
        Assert.Equal(version, saved.Version);
    }

    [Fact]
    public async Task Starting_the_formal_process_before_any_informal_discussion_is_refused_with_the_reason()
    {
        var child = await app.AChildOfAsync(_cast);
        var id = await app.RaiseAsync(_cast.IroUser, child.Id);
        var version = await app.EscalationVersionAsync(id);

        var page = await PostAsync(_cast.IroUser, $"/escalations/{id}/decide", DecisionForm(version, "escalate", 1, _cast.TeamManager.Id));

        Assert.Contains("There is a problem", page, StringComparison.Ordinal);
        Assert.Contains("Record the attempt to resolve it informally first", page, StringComparison.Ordinal);
        Assert.Empty((await app.EscalationAsync(id)).Stages);
    }

    [Fact]
    public async Task An_empty_response_asks_for_one_and_is_not_saved()
    {
        var child = await app.AChildOfAsync(_cast);
        var id = await app.RaiseAsync(_cast.IroUser, child.Id);
        await app.StartFormalAsync(_cast.IroUser, id, 1, _cast.TeamManager);
        var version = await app.EscalationVersionAsync(id);

        var page = await PostAsync(_cast.TeamManagerUser, $"/escalations/{id}/respond", new Dictionary<string, string>
        {
            ["Input.Version"] = Number(version),
            ["Input.Response"] = " ",
        });

        Pages.AssertFieldError(page, "Input-Response", "Enter your response");
        var saved = await app.EscalationAsync(id);
        Assert.Null(Assert.Single(saved.Stages).Response);
        Assert.Equal((EscalationState.AwaitingResponse, version), (saved.State, saved.Version));
    }
}
