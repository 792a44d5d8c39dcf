using System.Globalization;
using CareReview.Domain.Staff;
using CareReview.Tests.Shared;
using CareReview.Web;
using CareReview.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareReview.BrowserTests;

/// <summary>
/// The real app on Kestrel, on a random local port, in demo mode on its own temporary SQLite file, running
/// as if it were the suite's day (<see cref="SuiteToday"/>, through the app's own Clock:Today setting),
/// and one headless Debian chromium to drive it. Shared by every browser test (the demo data takes a
/// few seconds to make); each test opens its own browser context, so cookies are never shared.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    /// <summary>Debian's chromium. Playwright's own browser downloads are never used here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"carereview-browser-{Guid.NewGuid():N}.db");
    private readonly List<IBrowserContext> _contexts = [];
    private Host? _host;
    private OidcProvider? _provider;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Today for the app under test and for the journeys' own dates.</summary>
    public DateOnly Today { get; } = SuiteToday.Date;

    /// <summary>Where the app listens, such as http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The council's OpenID Connect provider, shared by the suite.</summary>
    public OidcProvider Provider => _provider ?? throw new InvalidOperationException("The provider has not started.");

    /// <summary>Care Review as registered with <see cref="Provider"/>; other apps acting for a person would be registered alike.</summary>
    public OidcClient CouncilClient { get; private set; } = CouncilSignIn.Client(new Uri("http://127.0.0.1/"));

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests need Debian's chromium at {ChromiumPath}: apt-get install chromium.");
        }

        // The app signs people in through the council's provider too; the provider must know the app's address first.
        var port = OidcProvider.FreePort();
        var client = CouncilSignIn.Client(new Uri($"http://127.0.0.1:{port}/"));
        CouncilClient = client;
        _provider = await OidcProvider.StartAsync(CouncilSignIn.People, [client, CouncilSignIn.Warehouse]);
        _host = new Host(new Dictionary<string, string?>(CouncilSignIn.Settings(_provider, client))
        {
            ["Database:Provider"] = DatabaseSetup.Sqlite,
            ["ConnectionStrings:App"] = $"Data Source={_databaseFile}",
            ["Demo:Enabled"] = "true",

            // One browser signs in as many people, one after another, from one address.
            ["RateLimits:SignInPerMinute"] = "1000000",
            ["RateLimits:LinkPerMinute"] = "1000000",
            ["RateLimits:LinkUsesPerMinute"] = "1000000",
            [DemonstrationClock.Setting] = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        _host.UseKestrel(port);
        _host.StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        await GiveCouncilEmailsAsync();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>A page in a fresh browser context (no cookies), with relative addresses resolved against the app.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await (_browser ?? throw new InvalidOperationException("The browser has not started."))
            .NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = "en-GB" });
        lock (_contexts)
        {
            _contexts.Add(context);
        }

        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>The app's services, for example to run a pass of a background job now rather than wait for it.</summary>
    public IServiceProvider Services => (_host ?? throw new InvalidOperationException("The app has not started.")).Services;

    /// <summary>Reads the app's database, for example to find a child that a user may not see.</summary>
    public async Task<T> QueryDbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>
    /// The demo council's staff records have no email addresses; the council's IRO and IRO manager are matched by
    /// theirs, so an IRO without a demo sign-in and the IRO manager get them here.
    /// </summary>
    private Task GiveCouncilEmailsAsync() =>
        QueryDbAsync(async db =>
        {
            var linked = db.Users.Where(u => u.StaffMemberId != null).Select(u => u.StaffMemberId);
            var iro = await db.StaffMembers.Where(s => s.Role == StaffRole.Iro && !linked.Contains(s.Id)).OrderBy(s => s.Id).FirstAsync();
            var manager = await db.StaffMembers.Where(s => s.Role == StaffRole.IroManager).OrderBy(s => s.Id).FirstAsync();
            iro.RecordEmail(CouncilSignIn.Iro.Email);
            manager.RecordEmail(CouncilSignIn.IroManager.Email);
            return await db.SaveChangesAsync();
        });

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databaseFile, $"{_databaseFile}-wal", $"{_databaseFile}-shm" })
        {
            File.Delete(file);
        }
    }

    private sealed class Host(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}

/// <summary>One app and one browser for all the browser tests, which therefore run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser";
}
