using System.Globalization;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Reminders;

/// <summary>
/// With Email:Smtp:Enabled, each new reminder is emailed once to its owner, through a real SMTP server
/// started here (Debian's python3-aiosmtpd, see smtp_sink.py). The email names the child by first name
/// only and links to the app for everything else.
/// </summary>
public sealed class EmailingRemindersTests
{
    private const string AppUrl = "https://care-review.example.test";

    private static Dictionary<string, string?> EmailOn(int port) => new()
    {
        ["Email:Smtp:Enabled"] = "true",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Email:Smtp:From"] = "Care Review <care-review@example.test>",
        ["Email:AppUrl"] = AppUrl,
    };

    [Fact]
    public async Task Each_new_reminder_is_emailed_once_to_its_owner_with_only_the_childs_first_name_and_a_link()
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var app = await AppFactory.StartAsync(EmailOn(smtp.Port));
        var owner = await app.AStaffMemberWithEmailAsync("Olu Owner", StaffRole.SocialWorker, "olu.owner@example.test");
        var noEmail = await app.AStaffMemberWithEmailAsync("Nell Noemail", StaffRole.Iro, null);
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 9, 1), noEmail, owner, givenName: "Kit", familyName: "Confidential-Surname");
        var ids = await app.RecommendationsDueAsync(child, new DateOnly(2026, 9, 21), owner, new DateOnly(2026, 11, 27));

        var first = await app.RunReminderJobAsync();

        Assert.Equal(1, first.Emailed);
        var message = Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Equal(["olu.owner@example.test"], message.RcptTos);
        Assert.Equal("care-review@example.test", message.MailFrom);
        Assert.Contains("Olu Owner", message.To, StringComparison.Ordinal);
        Assert.Equal("Care Review: a recommendation is due by 27 November 2026", message.Subject);
        Assert.Contains("Dear Olu Owner", message.Body, StringComparison.Ordinal);
        Assert.Contains("Kit's review", message.Body, StringComparison.Ordinal);
        Assert.Contains($"{AppUrl}/recommendations/{ids[0]}", message.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Confidential-Surname", message.Body + message.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Recommendation 1 for child", message.Body, StringComparison.Ordinal);

        var reminder = Assert.Single(await app.RemindersForAsync(owner));
        Assert.Equal(AppFactory.StartsAt.UtcDateTime, reminder.EmailedAtUtc);
        var audited = await app.QueryDbAsync(db => db.AuditEvents.Where(e => e.Action == AuditAction.ReminderEmailed).ToListAsync());
        Assert.Equal(child.Id, Assert.Single(audited).ChildId);

        // An hour later nothing new is due and nothing is sent again.
        app.Time.Advance(TimeSpan.FromHours(1));
        var second = await app.RunReminderJobAsync();
        Assert.Equal(0, second.Created);
        Assert.Equal(0, second.Emailed);
        await Task.Delay(300);
        Assert.Single(smtp.Received());
    }

    [Fact]
    public async Task A_reminder_that_could_not_be_emailed_is_sent_on_the_next_pass()
    {
        var port = SmtpSink.FreePort();
        await using var app = await AppFactory.StartAsync(EmailOn(port));
        var owner = await app.AStaffMemberWithEmailAsync("Olu Owner", StaffRole.SocialWorker, "olu.owner@example.test");
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 9, 1), socialWorker: owner, givenName: "Kit");
        await app.RecommendationsDueAsync(child, new DateOnly(2026, 9, 21), owner, new DateOnly(2026, 11, 16));

        // No server is listening yet: the pass records the reminder, logs the failure and carries on.
        var first = await app.RunReminderJobAsync();
        Assert.Equal((1, 0), (first.Created, first.Emailed));
        Assert.Null(Assert.Single(await app.RemindersForAsync(owner)).EmailedAtUtc);

        await using var smtp = await SmtpSink.StartAsync(port);
        app.Time.Advance(TimeSpan.FromHours(1));
        var second = await app.RunReminderJobAsync();

        Assert.Equal((0, 1), (second.Created, second.Emailed));
        var message = Assert.Single(await smtp.WaitForMessagesAsync(1));
        Assert.Equal("Care Review: a recommendation is overdue", message.Subject);
        Assert.Contains("was due by 16 November 2026", message.Body, StringComparison.Ordinal);
        Assert.NotNull(Assert.Single(await app.RemindersForAsync(owner)).EmailedAtUtc);
    }

    [Fact]
    public async Task Email_is_off_unless_turned_on()
    {
        await using var app = await AppFactory.StartAsync();
        var owner = await app.AStaffMemberWithEmailAsync("Olu Owner", StaffRole.SocialWorker, "olu.owner@example.test");
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 11, 2), socialWorker: owner);

        var result = await app.RunReminderJobAsync();

        Assert.Equal((1, 0), (result.Created, result.Emailed));
        Assert.Null(Assert.Single(await app.RemindersAboutChildAsync(child)).EmailedAtUtc);
    }
}
