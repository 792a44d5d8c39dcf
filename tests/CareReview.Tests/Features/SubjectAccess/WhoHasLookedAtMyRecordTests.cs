using System.Net;
using System.Text.RegularExpressions;
using CareReview.Tests.Features.Voice;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using static CareReview.Tests.Features.Voice.VoiceSteps;

namespace CareReview.Tests.Features.SubjectAccess;

/// <summary>
/// A child's own page of who has looked at their record (ADR-0027): each member of staff's looks on one day as one
/// line, by role and team and the GOV.UK date, newest first; never a name, never the child's own views, never
/// another child's record; and reading it is itself audited.
/// </summary>
public sealed partial class WhoHasLookedAtMyRecordTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static IReadOnlyList<string> Lines(string page) =>
        [.. ListItem().Matches(Section(page, "looks", "ul") ?? "").Select(m => Text(m.Groups[1].Value))];

    [Fact]
    public async Task The_child_sees_each_persons_looks_on_a_day_as_one_line_by_role_and_team_newest_first_and_no_names()
    {
        var cast = await app.AVoiceCastAsync();
        var child = await app.AChildOfAsync(cast, "Robin");
        var other = await app.AChildLookedAfterSinceAsync(app.Today.AddDays(-30), cast.OtherIro, cast.OtherSocialWorker, givenName: "Kim");
        var childUser = await app.AChildSignInAsync(child);
        var firstDay = app.Today;

        using (var worker = await app.SignedInClientAsync(cast.SocialWorkerUser))
        {
            await worker.GetPageAsync($"/children/{child.Id}");
            await worker.GetPageAsync($"/children/{child.Id}/care-plan");
        }

        using (var teamManager = await app.SignedInClientAsync(cast.TeamManagerUser))
        {
            await teamManager.GetPageAsync($"/children/{child.Id}");
        }

        using (var manager = await app.SignedInClientAsync(cast.IroManagerUser))
        {
            // Another child's record: not Robin's business.
            await manager.GetPageAsync($"/children/{other.Id}");
        }

        using (var before = await app.SignedInClientAsync(childUser))
        {
            await before.GetPageAsync("/me");
        }

        app.MoveOn(TimeSpan.FromDays(1));
        using (var manager = await app.SignedInClientAsync(cast.IroManagerUser))
        {
            await manager.GetPageAsync($"/children/{child.Id}");
        }

        using var me = await app.SignedInClientAsync(childUser);
        var page = await me.GetPageAsync("/me/who-looked");

        var team = cast.Team.Name;
        Assert.Equal(
        [
            $"An IRO manager looked at your record on {CareReview.Domain.GovukDate.Format(firstDay.AddDays(1))}",
            $"Your social worker's team manager ({team}) looked at your record on {CareReview.Domain.GovukDate.Format(firstDay)}",
            $"Your social worker ({team}) looked at your record on {CareReview.Domain.GovukDate.Format(firstDay)}",
        ], Lines(page));
        foreach (var name in new[] { "Sid Worker", "Tara Team", "Mo Manager", "Ida Reviewer", cast.SocialWorkerUser, cast.IroManagerUser })
        {
            Assert.DoesNotContain(name, Section(page, "looks", "ul"), StringComparison.Ordinal);
        }

        Assert.Contains(await app.AuditAsync(AuditAction.ChildPageViewed, childUser), e => e.ChildId == child.Id && e.Details == "page:who-looked");
    }

    [Fact]
    public async Task A_look_at_any_page_of_the_record_counts_and_the_page_is_linked_from_my_page()
    {
        var cast = await app.AVoiceCastAsync();
        var child = await app.AChildOfAsync(cast, "Robin");
        var childUser = await app.AChildSignInAsync(child);
        using (var manager = await app.SignedInClientAsync(cast.IroManagerUser))
        {
            await manager.GetPageAsync($"/children/{child.Id}/siblings");
        }

        using var me = await app.SignedInClientAsync(childUser);
        var home = await me.GetPageAsync("/me");
        var page = await me.GetPageAsync("/me/who-looked");

        Assert.Contains("href=\"/me/who-looked\">Who has looked at my record</a>", home, StringComparison.Ordinal);
        Assert.Equal([$"An IRO manager looked at your record on {CareReview.Domain.GovukDate.Format(app.Today)}"], Lines(page));
    }

    [Fact]
    public async Task Looks_by_someone_with_no_staff_record_or_role_or_since_removed_are_still_told()
    {
        var cast = await app.AVoiceCastAsync();
        var child = await app.AChildOfAsync(cast, "Robin");
        var childUser = await app.AChildSignInAsync(child);
        var administrator = await app.AUserAsync($"admin{cast.Suffix}", Roles.Administrator);
        await app.ExecuteDbAsync(db =>
        {
            db.AuditEvents.Add(new AuditEvent
            {
                OccurredAtUtc = app.Time.GetUtcNow().UtcDateTime,
                UserId = administrator.Id,
                UserName = administrator.UserName!,
                Action = AuditAction.ChildRecordViewed,
                ChildId = child.Id
            });
            db.AuditEvents.Add(new AuditEvent
            {
                OccurredAtUtc = app.Time.GetUtcNow().UtcDateTime,
                UserId = $"removed{cast.Suffix}",
                UserName = "removed",
                Action = AuditAction.ReviewExported,
                ChildId = child.Id
            });
            return Task.CompletedTask;
        });

        using var me = await app.SignedInClientAsync(childUser);
        var page = await me.GetPageAsync("/me/who-looked");

        var line = $"Someone who works for the council looked at your record on {CareReview.Domain.GovukDate.Format(app.Today)}";
        Assert.Equal([line, line], Lines(page));
    }

    [Fact]
    public async Task Another_child_sees_only_their_own_record_and_staff_cannot_open_the_page()
    {
        var cast = await app.AVoiceCastAsync();
        var child = await app.AChildOfAsync(cast, "Robin");
        var sister = await app.AChildOfAsync(cast, "Alex");
        var sistersUser = await app.AChildSignInAsync(sister);
        using (var worker = await app.SignedInClientAsync(cast.SocialWorkerUser))
        {
            await worker.GetPageAsync($"/children/{child.Id}");
            Assert.Equal(HttpStatusCode.NotFound, await worker.StatusOfAsync("/me/who-looked"));
        }

        using var sisterClient = await app.SignedInClientAsync(sistersUser);
        var page = await sisterClient.GetPageAsync("/me/who-looked");

        Assert.Empty(Lines(page));
        Assert.Contains("Nobody has looked at your record since", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex ListItem();
}
