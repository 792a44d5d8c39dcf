using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CareReview.Domain;
using CareReview.Domain.Children;
using CareReview.Domain.Reviews;
using CareReview.Domain.Voice;
using CareReview.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareReview.BrowserTests;

/// <summary>
/// The child's voice: a child's own pages on a phone, a parent's single-use link, and the IRO manager's
/// participation figures, checked against the demo database.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VoiceJourneyTests(BrowserApp app)
{
    /// <summary>A phone's screen, in CSS pixels (an iPhone 12 to 14).</summary>
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    [Fact]
    public async Task A_child_on_a_phone_sends_views_and_a_Not_happy_card_and_their_IRO_reads_the_views_and_follows_the_card_up()
    {
        var today = app.Today;
        var demo = await app.QueryDbAsync(async db =>
        {
            var childId = await db.Users.Where(u => u.UserName == DemoAccounts.Child).Select(u => u.ChildId!.Value).SingleAsync();
            var child = await db.Children.Where(c => c.Id == childId).Include(c => c.Iro).SingleAsync();
            var open = await db.Reviews.Where(r => r.ChildId == childId && r.State != ReviewState.Held).Select(r => r.Id).SingleAsync();
            var latest = await db.Reviews.Where(r => r.ChildId == childId && r.State == ReviewState.Held)
                .OrderByDescending(r => r.HeldOn).Select(r => new { r.Id, HeldOn = r.HeldOn!.Value, r.LetterToChild }).FirstAsync();
            return new
            {
                ChildId = childId,
                child.GivenName,
                child.FullName,
                IroName = child.Iro!.Name,
                OpenReviewId = open,
                HeldReviewId = latest.Id,
                latest.HeldOn,
                Letter = latest.LetterToChild!,
                SentViewsBefore = await db.ReviewViews.AnyAsync(v => v.ReviewId == open && v.Author == ViewsAuthor.Child),
                RatedBefore = await db.ReviewFeedback.AnyAsync(f => f.ReviewId == latest.Id),
            };
        });
        Assert.False(demo.SentViewsBefore, "The demo leaves the demo child's views undone");
        Assert.False(demo.RatedBefore, "The demo leaves the demo child's latest review unrated");
        const string goingWell = "I got into the school football team.";
        const string notGoingWell = "I only see my brother once a month.";
        const string wantToChange = "I want to see my brother every weekend.";
        const string comment = "Nobody asked me about seeing my brother.";

        // The child signs in on a phone and lands on their own page.
        var child = await app.NewPageAsync();
        await child.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        await Journeys.SignInAsync(child, DemoAccounts.Child);
        await Expect(child).ToHaveURLAsync(new Regex("/me$"));
        await Expect(child.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync($"Hello {demo.GivenName}");
        await Expect(child.Locator("main")).ToContainTextAsync(demo.IroName);
        await AssertFitsThePhoneAsync(child);
        await Accessibility.AssertNoViolationsAsync(child);

        // Before my review: sending nothing is refused, with the message in the summary and beside the field.
        await child.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Tell us what you think" }).ClickAsync();
        await Expect(child).ToHaveURLAsync(new Regex("/me/views$"));
        await Accessibility.AssertNoViolationsAsync(child);
        await child.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send to my IRO" }).ClickAsync();
        const string nothingSaid = "Tell us at least one thing: what is going well, what is not, or what you want to change";
        var summary = child.Locator(".govuk-error-summary");
        await Expect(summary).ToContainTextAsync("There is a problem");
        await Expect(summary.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = nothingSaid })).ToHaveAttributeAsync("href", "#Input-GoingWell");
        await Expect(child.Locator("#Input-GoingWell-error")).ToContainTextAsync(nothingSaid);
        await Expect(child.GetByLabel("What is going well?", new PageGetByLabelOptions { Exact = true }))
            .ToHaveAttributeAsync("aria-describedby", new Regex(@"\bInput-GoingWell-error\b"));
        await Expect(child).ToHaveTitleAsync(new Regex("^Error: "));
        await AssertFitsThePhoneAsync(child);
        await Accessibility.AssertNoViolationsAsync(child);

        await child.GetByLabel("What is going well?", new PageGetByLabelOptions { Exact = true }).FillAsync(goingWell);
        await child.GetByLabel("What is not going well?", new PageGetByLabelOptions { Exact = true }).FillAsync(notGoingWell);
        await child.GetByLabel("What do you want to change?", new PageGetByLabelOptions { Exact = true }).FillAsync(wantToChange);
        await child.GetByLabel("Who do you want at your review?", new PageGetByLabelOptions { Exact = true }).FillAsync("My carer and my brother");
        await child.GetByLabel("Where and when would you like it to be?", new PageGetByLabelOptions { Exact = true }).FillAsync("At home after school");
        await child.GetByRole(AriaRole.Group, new PageGetByRoleOptions { Name = "Do you want to talk to your IRO on your own before the review?" })
            .GetByLabel("Yes", new LocatorGetByLabelOptions { Exact = true }).CheckAsync();
        await child.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send to my IRO" }).ClickAsync();
        await Expect(child).ToHaveURLAsync(new Regex("/me$"));
        await Expect(child.Locator(".govuk-notification-banner")).ToContainTextAsync("Thank you. Your IRO will read what you said before your review.");
        await Expect(child.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Change what I told you" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(child);

        // After my review: the letter of what was decided, then the card.
        await OpenMenuLinkAsync(child, "After my review");
        await Expect(child).ToHaveURLAsync(new Regex("/me/reviews$"));
        var latestLink = child.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = $"My review on {GovukDate.Format(demo.HeldOn)}" });
        await Expect(latestLink).ToHaveAttributeAsync("href", $"/me/reviews/{demo.HeldReviewId}");
        await AssertFitsThePhoneAsync(child);
        await Accessibility.AssertNoViolationsAsync(child);
        await latestLink.ClickAsync();
        await Expect(child).ToHaveURLAsync(new Regex($"/me/reviews/{demo.HeldReviewId}$"));
        var decided = child.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "What was decided" });
        await Expect(decided).ToBeVisibleAsync();
        var letter = decided.Locator("xpath=following-sibling::*[1]");
        await Expect(letter).ToHaveClassAsync(new Regex(@"\bgovuk-inset-text\b"));
        await Expect(letter).ToContainTextAsync(FirstLine(demo.Letter));
        await AssertFitsThePhoneAsync(child);
        await Accessibility.AssertNoViolationsAsync(child);

        await child.GetByRole(AriaRole.Group, new PageGetByRoleOptions { Name = "How was your review?" })
            .GetByLabel("Not happy", new LocatorGetByLabelOptions { Exact = true }).CheckAsync();
        await child.GetByLabel("Tell us why (optional)").FillAsync(comment);
        await child.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send my card" }).ClickAsync();
        await Expect(child.Locator(".govuk-notification-banner")).ToContainTextAsync("Your IRO will get in touch to talk about it.");
        await Expect(child.Locator("main")).ToContainTextAsync("You said: Not happy");
        await Expect(child.Locator("main")).ToContainTextAsync(comment);
        await Expect(child.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send my card" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(child);

        // The child's sign-in reaches nothing of the staff service.
        foreach (var staffPage in new[] { $"/children/{demo.ChildId}", $"/children/{demo.ChildId}/reviews/{demo.OpenReviewId}", "/work" })
        {
            var refused = await child.GotoAsync(staffPage);
            Assert.Equal(404, refused!.Status);
            await Expect(child.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Page not found");
            await Expect(child.Locator("main")).Not.ToContainTextAsync(demo.FullName);
        }

        await Accessibility.AssertNoViolationsAsync(child);

        // The IRO reads the child's views on the agenda of the review that is arranged.
        var iro = await app.NewPageAsync();
        await Journeys.SignInAsync(iro, DemoAccounts.Iro);
        await iro.GotoAsync($"/children/{demo.ChildId}/reviews/{demo.OpenReviewId}");
        var views = iro.Locator(".govuk-summary-card", new PageLocatorOptions { HasText = $"{demo.GivenName} (the child)" });
        await Expect(views).ToHaveCountAsync(1);
        await Expect(iro.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Views sent before the review" })).ToBeVisibleAsync();
        await Expect(views.GetByRole(AriaRole.Heading)).ToHaveTextAsync($"{demo.GivenName} (the child), sent {GovukDate.Format(today)}");
        await Expect(SummaryValue(views, "Going well")).ToHaveTextAsync(goingWell);
        await Expect(SummaryValue(views, "Not going well")).ToHaveTextAsync(notGoingWell);
        await Expect(SummaryValue(views, "Wants to change")).ToHaveTextAsync(wantToChange);
        await Expect(SummaryValue(views, "Talk to the IRO alone")).ToHaveTextAsync("Yes");
        await Expect(SummaryValue(views, "Wants an advocate")).ToHaveTextAsync("Not sure");
        await Accessibility.AssertNoViolationsAsync(iro);

        // The "Not happy" card waits on the IRO's work list, and the IRO records the follow-up.
        await iro.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "My work", Exact = true }).ClickAsync();
        var cardHref = $"a[href='/children/{demo.ChildId}/reviews/{demo.HeldReviewId}/card']";
        var cardItem = iro.Locator("[data-testid=cards-to-follow-up] li", new PageLocatorOptions { Has = iro.Locator(cardHref) });
        await Expect(cardItem).ToHaveTextAsync($"{demo.FullName}, {GovukDate.Format(today)}: “{comment}”");
        var cardLink = cardItem.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = demo.FullName, Exact = true });
        await Accessibility.AssertNoViolationsAsync(iro);
        await cardLink.ClickAsync();
        await Expect(iro.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync($"Follow up {demo.GivenName}'s card");
        await Expect(iro.Locator(".govuk-inset-text")).ToContainTextAsync(comment);
        await Accessibility.AssertNoViolationsAsync(iro);
        var note = $"Rang {demo.GivenName} after school; agreed extra weekend contact with the brother, for the social worker to arrange.";
        await Journeys.FillDateAsync(iro, "When you followed it up", today);
        await iro.GetByLabel("What you did").FillAsync(note);
        await iro.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save" }).ClickAsync();

        await Expect(iro).ToHaveURLAsync(new Regex($"/children/{demo.ChildId}/reviews/{demo.HeldReviewId}$"));
        await Expect(iro.Locator(".govuk-notification-banner")).ToContainTextAsync($"The follow-up of {demo.GivenName}'s card is recorded");
        var card = iro.Locator(".govuk-summary-list__row", new PageLocatorOptions { HasText = "Rate My Review" });
        await Expect(card).ToContainTextAsync("Not happy");
        await Expect(card).ToContainTextAsync($"Followed up on {GovukDate.Format(today)}");
        await Expect(card).ToContainTextAsync(note);
        await Accessibility.AssertNoViolationsAsync(iro);

        // Followed up, the card leaves the work list, and the child is told.
        await iro.GotoAsync("/work");
        await Expect(iro.Locator($"[data-testid=cards-to-follow-up] {cardHref}")).ToHaveCountAsync(0);
        await child.GotoAsync($"/me/reviews/{demo.HeldReviewId}");
        await Expect(child.Locator("main")).ToContainTextAsync("Your IRO has followed this up.");
    }

    [Fact]
    public async Task The_IRO_sends_a_parent_a_single_use_link_the_parent_sends_views_once_and_the_IRO_sees_them_on_the_review()
    {
        var today = app.Today;
        var demo = await app.QueryDbAsync(async db =>
        {
            var iroId = await db.Users.Where(u => u.UserName == DemoAccounts.Iro).Select(u => u.StaffMemberId!.Value).SingleAsync();
            var demoChildId = await db.Users.Where(u => u.UserName == DemoAccounts.Child).Select(u => u.ChildId).SingleOrDefaultAsync();
            var invitations = await db.ParentInvitations.ToListAsync();
            var child = (await db.Children.Where(c => c.IroId == iroId).Include(c => c.Reviews).OrderBy(c => c.Id).ToListAsync())
                .First(c => DemoPromises.FitsParentLinkJourney(c, iroId, demoChildId, invitations));
            return new { ChildId = child.Id, child.GivenName, ReviewId = DemoPromises.ParentLinkReview(child)!.Id };
        });
        const string parent = "Morgan Ellery";
        const string relationship = "Aunt";
        const string goingWell = "Settled at school and sleeping better.";
        const string wantToChange = "I would like to have the children for tea on Sundays.";
        var reviewPage = $"/children/{demo.ChildId}/reviews/{demo.ReviewId}";

        // The IRO makes a link from the review page.
        var iro = await app.NewPageAsync();
        await Journeys.SignInAsync(iro, DemoAccounts.Iro);
        await iro.GotoAsync(reviewPage);
        await iro.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Send a parent or carer a link" }).ClickAsync();
        await Expect(iro.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Ask a parent or carer for their views");
        await Accessibility.AssertNoViolationsAsync(iro);
        await iro.GetByLabel("Their name").FillAsync(parent);
        await iro.GetByLabel($"Who they are to {demo.GivenName}").FillAsync(relationship);
        await iro.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Make a link" }).ClickAsync();
        await Expect(iro.Locator(".govuk-panel")).ToContainTextAsync($"Link made for {parent}");
        var link = (await iro.Locator("[data-testid=invitation-link]").TextContentAsync())!.Trim();
        Assert.Matches(new Regex($"^{Regex.Escape(app.BaseAddress.GetLeftPart(UriPartial.Authority))}/invite/[A-Za-z0-9_-]+$"), link);
        await Expect(iro.GetByRole(AriaRole.Row, new PageGetByRoleOptions { Name = parent })).ToContainTextAsync("not opened yet");
        await Accessibility.AssertNoViolationsAsync(iro);

        // The parent opens it on their phone, with no staff cookies, and continues to the views form.
        var family = await app.NewPageAsync();
        await family.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        await family.GotoAsync(link);
        await Expect(family.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Your invitation");
        await Expect(family.Locator("main")).ToContainTextAsync($"Hello {parent}.");
        await AssertFitsThePhoneAsync(family);
        await Accessibility.AssertNoViolationsAsync(family);
        await family.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Continue" }).ClickAsync();
        await Expect(family).ToHaveURLAsync(new Regex("/family$"));
        await Expect(family.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync($"Your views before {demo.GivenName}'s review");
        await AssertFitsThePhoneAsync(family);
        await Accessibility.AssertNoViolationsAsync(family);

        await family.GetByLabel($"What is going well for {demo.GivenName}?").FillAsync(goingWell);
        await family.GetByLabel("What would you like to change?").FillAsync(wantToChange);
        await family.GetByRole(AriaRole.Group, new PageGetByRoleOptions { Name = "Do you plan to come to the review?" })
            .GetByLabel("Yes", new LocatorGetByLabelOptions { Exact = true }).CheckAsync();
        await family.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send my views" }).ClickAsync();
        await Expect(family.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Your views have been sent");
        await Accessibility.AssertNoViolationsAsync(family);

        // The link worked once: opened again anywhere, it says so.
        var again = await app.NewPageAsync();
        await again.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        await again.GotoAsync(link);
        await Expect(again.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("This link does not work");
        await Expect(again.Locator("main")).ToContainTextAsync("already been used");
        await Expect(again.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Continue" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(again);

        // The IRO sees the parent's views on the review, and the link as opened.
        await iro.GotoAsync(reviewPage);
        var views = iro.Locator(".govuk-summary-card", new PageLocatorOptions { HasText = $"{parent} ({relationship})" });
        await Expect(views.GetByRole(AriaRole.Heading)).ToHaveTextAsync($"{parent} ({relationship}), sent {GovukDate.Format(today)}");
        await Expect(SummaryValue(views, "Going well")).ToHaveTextAsync(goingWell);
        await Expect(SummaryValue(views, "Wants to change")).ToHaveTextAsync(wantToChange);
        await Expect(SummaryValue(views, "Coming to the review")).ToHaveTextAsync("Yes");
        await Expect(views.GetByText("Not going well", new LocatorGetByTextOptions { Exact = true })).ToHaveCountAsync(0);
        await Expect(iro.Locator("li", new PageLocatorOptions { HasText = $"{parent} ({relationship})" }))
            .ToHaveTextAsync($"{parent} ({relationship}): views link, opened");
        await Accessibility.AssertNoViolationsAsync(iro);
    }

    [Fact]
    public async Task The_IRO_manager_sees_participation_figures_that_match_the_reviews_and_downloads_them_as_CSV()
    {
        var today = app.Today;
        var from = DemoPromises.ParticipationFrom(today);
        var to = today;

        var manager = await app.NewPageAsync();
        await Journeys.SignInAsync(manager, DemoAccounts.IroManager);
        await manager.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Participation", Exact = true }).ClickAsync();
        await Expect(manager).ToHaveURLAsync(new Regex("/participation$"));
        await Expect(manager.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Children's participation in reviews");
        await Accessibility.AssertNoViolationsAsync(manager);

        await Journeys.FillDateAsync(manager.GetByRole(AriaRole.Group, new PageGetByRoleOptions { Name = "From", Exact = true }), from);
        await Journeys.FillDateAsync(manager.GetByRole(AriaRole.Group, new PageGetByRoleOptions { Name = "To", Exact = true }), to);
        await manager.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Show figures" }).ClickAsync();
        await Expect(manager.Locator("[data-testid=figures-summary]"))
            .ToContainTextAsync($"held from {GovukDate.Format(from)} to {GovukDate.Format(to)}");

        // The browser tests run one at a time, so the database does not change between here and the page above.
        var expected = await ExpectedFiguresAsync(from, to);
        Assert.True(expected.Reviews > 0, "The demo council has reviews in the range");
        Assert.True(expected.Ratings.Sum(r => r.Good + r.Ok + r.NotHappy) > 0, "The demo council has Rate My Review cards in the range");

        await Expect(manager.Locator("[data-testid=figures-summary]")).ToHaveTextAsync(
            $"{expected.Reviews} reviews of {expected.Children} children held from {GovukDate.Format(from)} to {GovukDate.Format(to)}.");

        var codeRows = manager.Locator("[data-testid=codes] tbody tr");
        await Expect(codeRows).ToHaveCountAsync(expected.Codes.Count);
        for (var i = 0; i < expected.Codes.Count; i++)
        {
            var (code, count) = expected.Codes[i];
            await Expect(codeRows.Nth(i).Locator("th")).ToHaveTextAsync(code is null ? "Not recorded" : $"{code} – {code.Value.Describe()}");
            await Expect(codeRows.Nth(i).Locator("td").Nth(0)).ToHaveTextAsync(Number(count));
        }

        var pn1 = expected.Codes.Single(c => c.Code == ParticipationCode.PN1).Count;
        await Expect(manager.Locator("[data-testid=codes] tbody tr", new PageLocatorOptions { HasText = "PN1 –" }).Locator("td").First)
            .ToHaveTextAsync(Number(pn1));

        var attendanceRows = manager.Locator("[data-testid=attendance] tbody tr");
        await Expect(attendanceRows).ToHaveCountAsync(expected.Attendance.Count);
        for (var i = 0; i < expected.Attendance.Count; i++)
        {
            var (band, reviews, attended) = expected.Attendance[i];
            var cells = attendanceRows.Nth(i).Locator("td");
            await Expect(attendanceRows.Nth(i).Locator("th")).ToHaveTextAsync(band);
            await Expect(cells.Nth(0)).ToHaveTextAsync(Number(reviews));
            await Expect(cells.Nth(1)).ToHaveTextAsync(Number(attended));
        }

        var teens = expected.Attendance.Single(a => a.Band == "13 to 15");
        Assert.True(teens.Reviews > 0, "The demo council has reviews of 13 to 15 year olds in the range");
        var teensRow = manager.Locator("[data-testid=attendance] tbody tr", new PageLocatorOptions { Has = manager.Locator("th", new PageLocatorOptions { HasTextRegex = new Regex("^13 to 15$") }) });
        await Expect(teensRow.Locator("td").Nth(1)).ToHaveTextAsync(Number(teens.Attended));
        await Expect(teensRow.Locator("td").Nth(2)).ToHaveTextAsync(Percent(teens.Attended, teens.Reviews));

        var ratingRows = manager.Locator("[data-testid=ratings-by-band] tbody tr");
        await Expect(ratingRows).ToHaveCountAsync(expected.Ratings.Count);
        for (var i = 0; i < expected.Ratings.Count; i++)
        {
            var (band, good, ok, notHappy) = expected.Ratings[i];
            var cells = ratingRows.Nth(i).Locator("td");
            await Expect(ratingRows.Nth(i).Locator("th")).ToHaveTextAsync(band);
            await Expect(cells.Nth(0)).ToHaveTextAsync(Number(good));
            await Expect(cells.Nth(1)).ToHaveTextAsync(Number(ok));
            await Expect(cells.Nth(2)).ToHaveTextAsync(Number(notHappy));
            await Expect(cells.Nth(3)).ToHaveTextAsync(Number(good + ok + notHappy));
        }

        // The totals read off the page, column by column, are the database's.
        async Task<int> ColumnTotalAsync(int column) =>
            (await ratingRows.Locator($"td:nth-of-type({column + 1})").AllTextContentsAsync()).Sum(t => int.Parse(t.Trim(), CultureInfo.InvariantCulture));
        Assert.Equal(expected.Ratings.Sum(r => r.Good), await ColumnTotalAsync(0));
        Assert.Equal(expected.Ratings.Sum(r => r.Ok), await ColumnTotalAsync(1));
        Assert.Equal(expected.Ratings.Sum(r => r.NotHappy), await ColumnTotalAsync(2));

        // Each chart is one image with a name and a description that carries its numbers.
        foreach (var (id, name) in new[]
                 {
                     ("codes-chart", "Reviews by participation code"),
                     ("attendance-chart", "Share of reviews the child attended, by age"),
                     ("ratings-chart", "Rate My Review cards by age"),
                 })
        {
            var chart = manager.Locator($"svg:has(> title#{id}-title)");
            await Expect(chart).ToHaveAttributeAsync("role", "img");
            await Expect(chart).ToHaveAccessibleNameAsync(new Regex($"^{Regex.Escape(name)}"));
            await Expect(manager.GetByRole(AriaRole.Img, new PageGetByRoleOptions { Name = name })).ToBeVisibleAsync();
        }

        await Expect(manager.Locator("svg:has(> title#codes-chart-title)")).ToHaveAccessibleNameAsync(new Regex($@"\bPN1: {pn1}\b"));
        await Accessibility.AssertNoViolationsAsync(manager);

        // The same figures as CSV: UTF-8 with a byte order mark, for spreadsheets.
        var download = await manager.RunAndWaitForDownloadAsync(() =>
            manager.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Download as CSV" }).ClickAsync());
        Assert.Equal($"participation-{Iso(from)}-to-{Iso(to)}.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        byte[] bom = [0xEF, 0xBB, 0xBF];
        Assert.True(bytes.AsSpan().StartsWith(bom), "The CSV starts with a UTF-8 byte order mark");
        var lines = Encoding.UTF8.GetString(bytes, bom.Length, bytes.Length - bom.Length).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("measure,group,value,count,of,share", lines[0]);
        Assert.Contains($"participation_code,all,PN1,{Number(pn1)},{Number(expected.Reviews)},{Share(pn1, expected.Reviews)}", lines);
        Assert.Contains($"attended,13 to 15,PN1-PN4,{Number(teens.Attended)},{Number(teens.Reviews)},{Share(teens.Attended, teens.Reviews)}", lines);
    }

    /// <summary>The figures worked out here from the reviews, children and cards, not by the app's report code.</summary>
    private async Task<ExpectedFigures> ExpectedFiguresAsync(DateOnly start, DateOnly end)
    {
        var held = await app.QueryDbAsync(async db => await (
                from review in db.Reviews
                join child in db.Children on review.ChildId equals child.Id
                where review.HeldOn != null && review.HeldOn >= start && review.HeldOn <= end
                select new { review.Id, review.ChildId, HeldOn = review.HeldOn!.Value, child.DateOfBirth, review.ParticipationCode })
            .ToListAsync());
        var reviewIds = held.Select(r => r.Id).ToList();
        var ratings = await app.QueryDbAsync(async db => await db.ReviewFeedback.Where(f => reviewIds.Contains(f.ReviewId))
            .ToDictionaryAsync(f => f.ReviewId, f => f.Rating));

        var facts = held.Select(r => new
        {
            r.Id,
            Band = BandAt(YearsBetween(r.DateOfBirth, r.HeldOn)),
            r.ParticipationCode,
            Rating = ratings.TryGetValue(r.Id, out var rating) ? rating : (ReviewRating?)null,
        }).ToList();

        var bands = new[] { "Under 4", "4", "5 to 9", "10 to 12", "13 to 15", "16 and over" };
        ParticipationCode?[] codes = [.. Enum.GetValues<ParticipationCode>().Select(c => (ParticipationCode?)c), null];
        return new ExpectedFigures(
            held.Count,
            held.Select(r => r.ChildId).Distinct().Count(),
            [.. codes.Select(code => (code, facts.Count(f => f.ParticipationCode == code)))],
            [.. bands.Select(band => (band, facts.Count(f => f.Band == band),
                facts.Count(f => f.Band == band && f.ParticipationCode is ParticipationCode.PN1 or ParticipationCode.PN2 or ParticipationCode.PN3 or ParticipationCode.PN4)))],
            [.. bands.Select(band => (band, facts.Count(f => f.Band == band && f.Rating == ReviewRating.Good),
                facts.Count(f => f.Band == band && f.Rating == ReviewRating.Ok), facts.Count(f => f.Band == band && f.Rating == ReviewRating.NotHappy)))]);
    }

    private sealed record ExpectedFigures(
        int Reviews,
        int Children,
        IReadOnlyList<(ParticipationCode? Code, int Count)> Codes,
        IReadOnlyList<(string Band, int Reviews, int Attended)> Attendance,
        IReadOnlyList<(string Band, int Good, int Ok, int NotHappy)> Ratings);

    /// <summary>Whole years from a birthday to a day: one fewer until the birthday comes round that year.</summary>
    private static int YearsBetween(DateOnly born, DateOnly on)
    {
        var years = on.Year - born.Year;
        return on.Month < born.Month || (on.Month == born.Month && on.Day < born.Day) ? years - 1 : years;
    }

    private static string BandAt(int age) => age switch
    {
        < 4 => "Under 4",
        4 => "4",
        < 10 => "5 to 9",
        < 13 => "10 to 12",
        < 16 => "13 to 15",
        _ => "16 and over",
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(int count, int of) =>
        of == 0 ? "–" : ((double)count / of).ToString("0%", CultureInfo.GetCultureInfo("en-GB"));

    private static string Share(int count, int of) => of == 0 ? "" : ((double)count / of).ToString("0.000", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];

    /// <summary>The value beside a key in a GOV.UK summary list.</summary>
    private static ILocator SummaryValue(ILocator list, string key) =>
        list.Locator(".govuk-summary-list__row", new LocatorLocatorOptions
        {
            Has = list.Page.Locator(".govuk-summary-list__key", new PageLocatorOptions { HasTextRegex = new Regex($"^{Regex.Escape(key)}$") }),
        }).Locator(".govuk-summary-list__value");

    /// <summary>On a phone the menu folds behind a "Menu" button, as GOV.UK service navigation does.</summary>
    private static async Task OpenMenuLinkAsync(IPage page, string name)
    {
        var toggle = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Menu", Exact = true });
        await Expect(toggle).ToBeVisibleAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Menu" })
            .GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = name, Exact = true }).ClickAsync();
    }

    /// <summary>Nothing runs off the side of a phone's screen: no sideways scrolling.</summary>
    private static async Task AssertFitsThePhoneAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= PhoneWidth, $"{page.Url} is {width} pixels wide on a {PhoneWidth}-pixel phone screen");
    }
}
