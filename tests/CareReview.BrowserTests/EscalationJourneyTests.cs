using System.Globalization;
using CareReview.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareReview.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class EscalationJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task The_IRO_raises_a_concern_escalates_it_to_stage_2_the_head_of_service_responds_the_IRO_resolves_it_and_the_register_shows_it()
    {
        var today = app.Today;
        var people = await app.QueryDbAsync(async db =>
        {
            var iroId = await db.Users.Where(u => u.UserName == DemoAccounts.Iro).Select(u => u.StaffMemberId!.Value).SingleAsync();
            var escalated = DemoPromises.EscalatedChildIds(await db.Escalations.ToListAsync());
            var child = (await db.Children.Where(c => c.IroId == iroId).Include(c => c.Episodes).OrderBy(c => c.Id).ToListAsync())
                .First(c => DemoPromises.FitsEscalationJourney(c, iroId, escalated));
            var staffOf = async (string userName) => await db.Users.Where(u => u.UserName == userName).Select(u => u.StaffMemberId!.Value).SingleAsync();
            return new
            {
                ChildId = child.Id,
                ChildName = child.FullName,
                TeamManager = await staffOf(DemoAccounts.TeamManager),
                HeadOfService = await staffOf(DemoAccounts.HeadOfService),
            };
        });
        string Option(int staffId) => staffId.ToString(CultureInfo.InvariantCulture);

        // The IRO raises a concern from the child's page and records the attempt to resolve it informally.
        var iro = await app.NewPageAsync();
        await Journeys.SignInAsync(iro, DemoAccounts.Iro);
        await iro.GotoAsync($"/children/{people.ChildId}");
        await iro.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Raise a concern" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(iro);
        await iro.GetByRole(AriaRole.Group, new PageGetByRoleOptions { Name = "What is the concern about?" })
            .GetByLabel("Drift and delay").CheckAsync();
        await iro.GetByLabel("What is wrong").FillAsync("The life-story work agreed at the last review has not started.");
        await iro.GetByLabel("What is needed to put it right").FillAsync("The social worker to start life-story work, with the foster carer.");
        await Journeys.FillDateAsync(iro, "Needed by", today.AddDays(28));
        await iro.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Raise the concern" }).ClickAsync();
        await Expect(iro.Locator(".govuk-notification-banner")).ToContainTextAsync("Concern raised");
        await Expect(iro.Locator("[data-testid=escalation-status]")).ToHaveTextAsync("Informal resolution");
        await Accessibility.AssertNoViolationsAsync(iro);
        var escalationPage = iro.Url;

        await iro.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Record an informal discussion" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(iro);
        await Journeys.FillDateAsync(iro, "Date of the conversation", today);
        await iro.GetByLabel("Who it was with").FillAsync("The team manager");
        await iro.GetByLabel("What was said").FillAsync("Agreed the work is late; no worker free to start it this month.");
        await iro.GetByLabel("The action agreed").FillAsync("Nothing agreed.");
        await iro.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save" }).ClickAsync();
        await Expect(iro).ToHaveURLAsync(escalationPage);

        // Informal resolution failed: the formal process starts with the team manager, then goes to the head of service.
        await iro.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Resolve or start the formal process" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(iro);
        await iro.GetByLabel("Start the formal process").CheckAsync();
        await iro.GetByLabel("Stage", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync("1");
        await iro.GetByLabel("Who will respond").SelectOptionAsync(Option(people.TeamManager));
        await iro.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save the decision" }).ClickAsync();
        await Expect(iro.Locator("[data-testid=escalation-status]")).ToHaveTextAsync("Stage 1: waiting for a response");

        await iro.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Decide on this stage" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(iro);
        await iro.GetByLabel("Escalate to a later stage").CheckAsync();
        await iro.GetByLabel("Stage", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync("2");
        await iro.GetByLabel("Who will respond").SelectOptionAsync(Option(people.HeadOfService));
        await iro.GetByLabel("Why").FillAsync("The team has no capacity to start the work: it needs a decision on resources.");
        await iro.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save the decision" }).ClickAsync();
        await Expect(iro.Locator("[data-testid=escalation-status]")).ToHaveTextAsync("Stage 2: waiting for a response");
        await Accessibility.AssertNoViolationsAsync(iro);

        // The head of service sees it waiting on them, and answers.
        var head = await app.NewPageAsync();
        await Journeys.SignInAsync(head, DemoAccounts.HeadOfService);
        await head.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Escalations to answer" }).First.ClickAsync();
        var waiting = head.Locator("[data-testid=waiting] tr", new PageLocatorOptions { HasText = people.ChildName });
        await Expect(waiting).ToContainTextAsync("Stage 2");
        await Accessibility.AssertNoViolationsAsync(head);
        await waiting.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = people.ChildName }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(head);
        await head.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Respond to this escalation" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(head);
        await head.GetByLabel("Your response").FillAsync("A sessional worker will start life-story work within two weeks.");
        await head.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send the response" }).ClickAsync();
        await Expect(head.Locator(".govuk-notification-banner")).ToContainTextAsync("is sent to the IRO");
        await Expect(head.Locator("[data-testid=waiting] tr", new PageLocatorOptions { HasText = people.ChildName })).ToHaveCountAsync(0);

        // The child's case stays closed to the head of service.
        var refused = await head.GotoAsync($"/children/{people.ChildId}");
        Assert.Equal(404, refused!.Status);

        // The IRO reads the response and is satisfied.
        await iro.GotoAsync(escalationPage);
        await Expect(iro.Locator("[data-testid=escalation-status]")).ToHaveTextAsync("Stage 2: waiting for the IRO's decision");
        await iro.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Decide on this stage" }).ClickAsync();
        await Expect(iro.Locator(".govuk-inset-text")).ToContainTextAsync("A sessional worker will start life-story work");
        await iro.GetByLabel("Resolved: the response puts it right").CheckAsync();
        await iro.GetByLabel("Why").FillAsync("Work starts within two weeks; the IRO will check at the next review.");
        await iro.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save the decision" }).ClickAsync();
        await Expect(iro.Locator("[data-testid=escalation-status]")).ToHaveTextAsync("Resolved at stage 2");
        await Accessibility.AssertNoViolationsAsync(iro);

        // The IRO manager's register shows it closed at stage 2, with the stage it went through.
        var manager = await app.NewPageAsync();
        await Journeys.SignInAsync(manager, DemoAccounts.IroManager);
        await manager.GotoAsync("/escalations");
        await manager.GetByLabel("Open or closed").SelectOptionAsync("closed");
        await manager.GetByLabel("Stage reached").SelectOptionAsync("2");
        await manager.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Filter" }).ClickAsync();
        var row = manager.Locator("[data-testid=register] tr", new PageLocatorOptions { HasText = people.ChildName });
        await Expect(row).ToContainTextAsync("Resolved at stage 2");
        await Expect(row).ToContainTextAsync("Drift and delay");
        await Accessibility.AssertNoViolationsAsync(manager);
    }
}
