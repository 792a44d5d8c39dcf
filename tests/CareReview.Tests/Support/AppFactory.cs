using System.Net;
using System.Text.RegularExpressions;
using CareReview.Domain;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Staff;
using CareReview.Web;
using CareReview.Web.Commands;
using CareReview.Web.Data;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Deadlines;
using CareReview.Web.Features.Reminders;
using CareReview.Web.Features.Ssd;
using CareReview.Web.Features.Webhooks;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CareReview.Tests.Support;

/// <summary>
/// The real app, in process, on a private database (see <see cref="TestDatabase"/>), for one test class:
/// use it as <c>IClassFixture&lt;AppFactory&gt;</c>. The app is configured only through its ordinary
/// configuration; the one service replaced is the clock, a <see cref="FakeTimeProvider"/> that starts at
/// <see cref="StartsAt"/> and that tests may read and move through <see cref="Time"/>. Migrations run for
/// real when the app starts. Tests arrange data through the intent methods (<see cref="AChildLookedAfterSinceAsync"/>
/// and friends), which use the domain's own methods, and act over HTTP as a signed-in user.
/// </summary>
public partial class AppFactory : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>The password of every user made by <see cref="AUserAsync"/>.</summary>
    public const string Password = "Test-pass-2026!";

    /// <summary>
    /// The day the tests that arrange their own records chose: a Monday in November 2026, 10:00 in England
    /// (GMT). Their results do not depend on the real date, nor on the suite's day (<c>SuiteToday</c>), which
    /// the demo council's tests and the browser journeys follow (ADR-0018).
    /// </summary>
    public static readonly DateTimeOffset StartsAt = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static readonly Regex s_antiforgeryToken = new(
        """<input[^>]*name="__RequestVerificationToken"[^>]*>""", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    private static readonly Regex s_value = new("""value="([^"]*)""", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    private static int s_nextLocalId = 900000;

    private readonly Dictionary<string, string?> _settings;
    private readonly bool _sqliteOnFile;
    private readonly bool _trustsTestTokens;
    private TestDatabase? _database;
    private Host? _host;

    /// <summary>An app with demo mode off: an empty database once migrated.</summary>
    public AppFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>An app with extra configuration, such as <c>["Demo:Enabled"] = "true"</c>.</summary>
    protected AppFactory(IReadOnlyDictionary<string, string?> settings)
        : this(settings, StartsAt)
    {
    }

    /// <summary>
    /// An app whose fake clock starts at <paramref name="startsAt"/>. With <c>Clock:Today</c> among the settings
    /// (demo mode only) the app keeps its own demonstration clock instead, as it does for a person, and
    /// <see cref="Time"/> is not the app's clock.
    /// </summary>
    /// <param name="trustsTestTokens">
    /// Whether the API also trusts the tests' own signed tokens (<see cref="ApiTokens"/>); off, it trusts only the provider
    /// its <c>Authentication:Oidc:Authority</c> names, as deployed.
    /// </param>
    protected AppFactory(IReadOnlyDictionary<string, string?> settings, DateTimeOffset startsAt, bool sqliteOnFile = false, bool trustsTestTokens = true)
    {
        _sqliteOnFile = sqliteOnFile;
        _trustsTestTokens = trustsTestTokens;
        Time = new FakeTimeProvider(startsAt);
        _settings = new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false",

            // The hourly reminder job does not run on its own in tests: they run a pass with RunReminderJobAsync.
            ["Reminders:Enabled"] = "false",

            // Nor does the webhook loop: they run a pass with RunWebhookJobAsync.
            ["Webhooks:Enabled"] = "false",

            // Every test client comes from the same (unknown) address, hundreds of sign-ins a minute; RateLimitsTests set their own.
            ["RateLimits:SignInPerMinute"] = "1000000",
            ["RateLimits:LinkPerMinute"] = "1000000",
            ["RateLimits:LinkUsesPerMinute"] = "1000000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }
    }

    /// <summary>A second instance of the app on this one's database: started as a council's second server would be.</summary>
    private AppFactory(AppFactory first)
    {
        _sqliteOnFile = first._sqliteOnFile;
        _trustsTestTokens = first._trustsTestTokens;
        _settings = new Dictionary<string, string?>(first._settings);
        Time = first.Time;
        _host = new Host(_settings, UsesDemonstrationClock ? null : Time, _trustsTestTokens);
        _ = _host.Server;
    }

    /// <summary>
    /// Another instance of the app on the same database and the same clock, as a council runs several behind a load
    /// balancer. Dispose it (with <c>await using</c>) before this one, which owns the database.
    /// </summary>
    public AppFactory AnotherInstance() => new(this);

    /// <summary>The app's clock. Move it with <c>Time.Advance(...)</c> or <c>Time.SetUtcNow(...)</c>.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>Today in England by the app's clock.</summary>
    public DateOnly Today => UsesDemonstrationClock ? Services.GetRequiredService<TimeProvider>().TodayInEngland() : Time.TodayInEngland();

    private bool UsesDemonstrationClock => _settings.ContainsKey(DemonstrationClock.Setting);

    /// <summary>The working-day calendar the app is using (bank holidays plus any adjustments).</summary>
    public WorkingDayCalendar Calendar => Services.GetRequiredService<RulebookSource>().Current;
    public Rulebook Rules => Services.GetRequiredService<RulebookSource>().Rules;

    /// <summary>Which database this app runs on, for messages.</summary>
    public string DatabaseDescription => _database?.Description ?? "(not started)";

    private IServiceProvider Services => (_host ?? throw new InvalidOperationException("The app has not started.")).Services;

    /// <summary>Starts an app outside xunit's fixture handling; dispose it with <c>await using</c>.</summary>
    /// <param name="sqliteOnFile">On SQLite, a database file as deployed: for tests that send at once (<see cref="TestDatabase.CreateAsync"/>).</param>
    public static async Task<AppFactory> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, DateTimeOffset? startsAt = null,
        bool sqliteOnFile = false)
    {
        var app = new AppFactory(settings ?? new Dictionary<string, string?>(), startsAt ?? StartsAt, sqliteOnFile);
        await app.InitializeAsync();
        return app;
    }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(_sqliteOnFile);
        _settings["Database:Provider"] = _database.Provider;
        _settings["ConnectionStrings:App"] = _database.ConnectionString;
        _host = new Host(_settings, UsesDemonstrationClock ? null : Time, _trustsTestTokens);

        // Starting the server runs the app's start-up: migrations, the calendar and (if on) demo data.
        _ = _host.Server;
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
            _host = null;
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
            _database = null;
        }

        GC.SuppressFinalize(this);
    }

    // ---- Arranging data -------------------------------------------------------------------------

    public Task<Team> ATeamAsync(string name) =>
        QueryDbAsync(async db =>
        {
            var team = new Team(name);
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            return team;
        });

    public Task<StaffMember> AStaffMemberAsync(string name, StaffRole role, Team? team = null, decimal fte = 1m, string? jobTitle = null) =>
        QueryDbAsync(async db =>
        {
            var staffTeam = team is null ? null : await db.Teams.SingleAsync(t => t.Id == team.Id);
            var staff = new StaffMember(name, role, fte, staffTeam, jobTitle: jobTitle);
            db.StaffMembers.Add(staff);
            await db.SaveChangesAsync();
            return staff;
        });

    /// <summary>A user who can sign in with <see cref="Password"/>, in one of the <c>Roles</c>, optionally linked to a staff record.</summary>
    public async Task<AppUser> AUserAsync(string userName, string role, StaffMember? staffMember = null)
    {
        await using var scope = Services.CreateAsyncScope();
        await CreateAdministratorCommand.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = staffMember?.Name ?? userName, StaffMemberId = staffMember?.Id };
        Succeeded(await users.CreateAsync(user, Password), $"create user {userName}");
        Succeeded(await users.AddToRoleAsync(user, role), $"add {userName} to {role}");
        return user;
    }

    /// <summary>
    /// A child who became looked after on <paramref name="since"/> (a new period of care) and has had no
    /// review since, allocated to the given IRO and social worker. The review clock is the domain's.
    /// </summary>
    public Task<Child> AChildLookedAfterSinceAsync(
        DateOnly since,
        StaffMember? iro = null,
        StaffMember? socialWorker = null,
        DateOnly? dateOfBirth = null,
        LegalStatus legalStatus = LegalStatus.C2,
        PlacementType placementType = PlacementType.U4,
        CategoryOfNeed categoryOfNeed = CategoryOfNeed.N1,
        string givenName = "Alex",
        string familyName = "Tester",
        Sex sex = Sex.U) =>
        QueryDbAsync(async db =>
        {
            var localId = $"T{Interlocked.Increment(ref s_nextLocalId)}";
            var child = new Child(localId, givenName, familyName, dateOfBirth ?? since.AddYears(-8), sex);
            child.Allocate(await StaffAsync(db, iro), await StaffAsync(db, socialWorker), Today, Rules);
            child.BecomeLookedAfter(since, legalStatus, placementType, categoryOfNeed, Today, Rules);
            child.RecalculateDeadlines(Today, Rules);
            db.Children.Add(child);
            await db.SaveChangesAsync();
            return child;
        });

    /// <summary>Records reviews held on the given days, in order, through the domain (participation PN1, or PN0 under 4).</summary>
    public Task<Child> ReviewsHeldForAsync(Child child, params DateOnly[] heldOn) =>
        QueryDbAsync(async db =>
        {
            var loaded = await db.Children.WithDeadlineFacts().SingleAsync(c => c.Id == child.Id);
            foreach (var day in heldOn.Order())
            {
                var participation = loaded.CurrentEpisode?.LegalStatus is LegalStatus.V3 or LegalStatus.V4
                    ? (ParticipationCode?)null
                    : loaded.AgeOn(day) < 4 ? ParticipationCode.PN0 : ParticipationCode.PN1;
                loaded.RecordReviewHeld(day, participation, Today, Rules);
            }

            loaded.RecalculateDeadlines(Today, Rules);

            await db.SaveChangesAsync();
            return loaded;
        });

    /// <summary>Runs <paramref name="action"/> on a fresh DbContext, then saves it.</summary>
    public async Task ExecuteDbAsync(Func<AppDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await action(db);
        await db.SaveChangesAsync();
    }

    /// <summary>Runs <paramref name="query"/> on a fresh DbContext and returns its result.</summary>
    public async Task<T> QueryDbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Runs a command-line command (such as annual-report) against this app's services, as Program.cs would.</summary>
    public Task<int> RunCommandAsync(Func<IServiceProvider, Task<int>> command) => command(Services);

    /// <summary>The address of every page that takes a post, as the app's routing holds them (such as "/children/{id:int}/change").</summary>
    public IReadOnlyList<string> RoutesOfPagesThatTakePosts() =>
        [.. Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<CompiledPageActionDescriptor>()?.HandlerMethods.Any(h => h.HttpMethod == "Post") == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).Distinct()];

    /// <summary>Runs the SSD sync from a folder of tables (or a postgres:// URL) as the command line does, to the end.</summary>
    public async Task<SsdSyncRun> SyncSsdAsync(string from, bool dryRun = false, string? schema = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var sync = scope.ServiceProvider.GetRequiredService<SsdSync>();
        var store = SsdStore.Parse(from, schema);
        var run = await sync.BeginAsync("test", store, dryRun) ?? throw new InvalidOperationException("Another SSD sync is running.");
        var user = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, "test"), new(System.Security.Claims.ClaimTypes.Name, "Test")], "test"));
        return await sync.RunAsync(run, store, user);
    }

    /// <summary>Runs one pass of the reminder job now, as the hourly timer would (in its own DI scope).</summary>
    public Task<ReminderRunResult> RunReminderJobAsync() => Services.GetRequiredService<ReviewReminderJob>().RunOnceAsync();

    /// <summary>Runs one pass of the webhook job now (overdue events, then due deliveries), as its timer would.</summary>
    public Task<WebhookRunResult> RunWebhookJobAsync() => Services.GetRequiredService<WebhookJob>().RunOnceAsync();

    // ---- Acting over HTTP -----------------------------------------------------------------------

    /// <summary>A client with no one signed in. It keeps cookies and does not follow redirects, so tests see 302s.</summary>
    public HttpClient AnonymousClient(bool keepsCookies = true) =>
        (_host ?? throw new InvalidOperationException("The app has not started."))
        .CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = keepsCookies });

    /// <summary>Signs in through the real sign-in form and returns the client holding the cookie.</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName, string password = Password)
    {
        var client = AnonymousClient();
        using var response = await SubmitFormAsync(client, "/sign-in", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            client.Dispose();
            throw new InvalidOperationException($"Signing in as {userName} answered {(int)response.StatusCode}, not a redirect.");
        }

        return client;
    }

    /// <summary>
    /// GETs the page at <paramref name="url"/>, lifts its antiforgery token and POSTs the fields to the
    /// same address, as a browser submitting the page's form would.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(HttpClient client, string url, IDictionary<string, string> fields)
    {
        using var page = await client.GetAsync(new Uri(url, UriKind.Relative));
        if (page.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)page.StatusCode}, so there is no form to submit.");
        }

        var form = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = AntiforgeryTokenIn(await page.Content.ReadAsStringAsync()),
        };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>The value of a hidden field in a page, as the browser would post it back.</summary>
    public static string HiddenValueIn(string html, string name)
    {
        var input = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*>", RegexOptions.IgnoreCase);
        var value = input.Success ? s_value.Match(input.Value) : Match.Empty;
        return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : throw new InvalidOperationException($"The page has no field {name}.");
    }

    /// <summary>The value of the first hidden __RequestVerificationToken field in a page.</summary>
    public static string AntiforgeryTokenIn(string html)
    {
        var input = s_antiforgeryToken.Match(html);
        var value = input.Success ? s_value.Match(input.Value) : Match.Empty;
        return value.Success
            ? WebUtility.HtmlDecode(value.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token: is there a form on it?");
    }

    private static async Task<StaffMember?> StaffAsync(AppDbContext db, StaffMember? staff) =>
        staff is null ? null : await db.StaffMembers.SingleAsync(s => s.Id == staff.Id);

    private static void Succeeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    /// <summary>The wrapped factory, never exposed: tests go through the methods above.</summary>
    private sealed class Host(IReadOnlyDictionary<string, string?> settings, TimeProvider? time, bool trustsTestTokens) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            // The API trusts tokens the tests sign (ApiTokens), as it would the council's provider's.
            if (trustsTestTokens)
            {
                builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, ApiTokens.Trust));
            }

            if (time is not null)
            {
                builder.ConfigureTestServices(services =>
                {
                    services.RemoveAll<TimeProvider>();
                    services.AddSingleton(time);
                });
            }
        }
    }
}
