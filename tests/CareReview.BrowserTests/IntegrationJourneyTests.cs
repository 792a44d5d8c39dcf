using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareReview.Tests.Shared;
using CareReview.Web.Data.Entities;
using CareReview.Web.Demo;
using CareReview.Web.Features.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CareReview.BrowserTests;

/// <summary>
/// Issue 21's pieces together, against the suite's real OpenID Connect provider: an IRO signed in through the council
/// records a review through the API with their own (delegated) token, the app sends the signed webhook, and the example
/// integration (examples/follow_webhooks.py) checks the signature, gets a client-credentials token from the provider
/// and reads the review back through the API.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IntegrationJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task The_example_integration_follows_the_webhook_for_a_review_recorded_through_the_api_and_reads_it_back()
    {
        var secret = await RegisterWarehouseAsync();
        await using var example = await ExampleClient.StartAsync(app, secret);

        // The IRO signs in with the council once, which links them to the provider's sub; an app acting for them
        // then gets a token for the API from the same provider.
        var page = await app.NewPageAsync();
        await Journeys.SignInWithCouncilAsync(page, CouncilSignIn.Iro);
        await Expect(page).ToHaveURLAsync(new Regex("/caseload$"));
        var token = await app.Provider.UserAccessTokenAsync(app.CouncilClient, CouncilSignIn.Iro, "children:read reviews:read reviews:write");
        using var api = new HttpClient { BaseAddress = app.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var (childId, reviewId, heldOn) = await RecordAReviewAsync(api);
        await app.Services.GetRequiredService<WebhookJob>().RunOnceAsync();

        var line = await example.NextLineAsync(TimeSpan.FromSeconds(30));
        var read = JsonDocument.Parse(line).RootElement;
        var review = read.GetProperty("review");
        Assert.Equal(reviewId, review.GetProperty("cla_review_id").GetInt32());
        Assert.Equal(heldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), review.GetProperty("cla_review_date").GetString());
        Assert.Equal("Held", review.GetProperty("state").GetString());
        var delivered = await app.QueryDbAsync(db => db.WebhookEvents.Where(e => e.ReviewId == reviewId && e.ChildId == childId).Select(e => e.Id).SingleAsync());
        Assert.Equal(delivered.ToString(), read.GetProperty("event").GetString());
    }

    /// <summary>
    /// The data warehouse, registered as the administrator's pages save it (ManagingWebhooksTests and the API's tests cover
    /// those pages): an integration that reads every child's reviews, and a receiver for recorded reviews. Returns the
    /// receiver's signing secret, which the page shows once.
    /// </summary>
    private async Task<string> RegisterWarehouseAsync()
    {
        var secret = WebhookSigning.NewSecret();
        var protectedSecret = app.Services.GetRequiredService<WebhookSigning>().Protect(secret);
        await app.QueryDbAsync(db =>
        {
            db.ApiIntegrations.Add(new ApiIntegration
            {
                ClientId = CouncilSignIn.Warehouse.ClientId,
                Name = "Data warehouse",
                Scopes = "children:read reviews:read",
                Reach = IntegrationReach.AllChildren,
                RegisteredBy = "admin",
            });
            db.WebhookReceivers.Add(new WebhookReceiver
            {
                Url = $"http://127.0.0.1:{ExampleClient.Port}/",
                Events = WebhookEvents.ReviewRecorded,
                ProtectedSecret = protectedSecret,
                RegisteredBy = "admin",
            });
            return db.SaveChangesAsync();
        });
        return secret;
    }

    /// <summary>
    /// Arranges and records a review, through the API, for one of the council IRO's children with no review arranged and
    /// no recommendation still open (so that the record needs no outcomes).
    /// </summary>
    private async Task<(int ChildId, int ReviewId, DateOnly HeldOn)> RecordAReviewAsync(HttpClient api)
    {
        var today = app.Today;
        var heldOn = DemoPromises.ReviewJourneyHeldOn(today);
        var childId = await app.QueryDbAsync(async db =>
        {
            var iro = await db.StaffMembers.Where(s => s.Email == CouncilSignIn.Iro.Email).Select(s => s.Id).SingleAsync();
            var candidates = await db.Children.Where(c => c.IroId == iro).Include(c => c.Episodes).Include(c => c.Reviews).ThenInclude(r => r.Recommendations).ToListAsync();
            return candidates.Where(c => DemoPromises.FitsReviewJourney(c, iro, today) && !c.Recommendations.Any(r => r.IsOpen)).OrderBy(c => c.Id).First().Id;
        });

        var arranged = await JsonAsync(await api.PostAsJsonAsync($"api/v1/children/{childId}/reviews",
            new { date = today.AddDays(1), venue = "Foster home", version = await VersionAsync(api, childId) }));
        var reviewId = arranged.GetProperty("cla_review_id").GetInt32();
        await JsonAsync(await api.PostAsJsonAsync($"api/v1/children/{childId}/reviews/{reviewId}/outcome", new
        {
            cla_review_date = heldOn,
            cla_review_participation = "PN1",
            participation_means = new[] { "Attended" },
            version = await VersionAsync(api, childId),
        }));
        return (childId, reviewId, heldOn);
    }

    private static async Task<long> VersionAsync(HttpClient api, int childId) =>
        (await JsonAsync(await api.GetAsync(new Uri($"api/v1/children/{childId}", UriKind.Relative)))).GetProperty("version").GetInt64();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }

    /// <summary>examples/follow_webhooks.py, run with python3 as a council would run it; each line it prints is one review read.</summary>
    private sealed class ExampleClient : IAsyncDisposable
    {
        public static readonly int Port = OidcProvider.FreePort();

        private readonly Process _python;
        private readonly StringBuilder _errors = new();
        private readonly System.Threading.Channels.Channel<string> _lines = System.Threading.Channels.Channel.CreateUnbounded<string>();

        private ExampleClient(Process python) => _python = python;

        private string Errors
        {
            get
            {
                lock (_errors)
                {
                    return _errors.ToString();
                }
            }
        }

        public static async Task<ExampleClient> StartAsync(BrowserApp app, string secret)
        {
            var start = new ProcessStartInfo("python3", ["examples/follow_webhooks.py", "--port", Port.ToString(CultureInfo.InvariantCulture)])
            {
                WorkingDirectory = RepositoryRoot(),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["CARE_REVIEW_URL"] = app.BaseAddress.ToString();
            start.Environment["WEBHOOK_SECRET"] = secret;
            start.Environment["TOKEN_URL"] = app.Provider.TokenEndpoint.ToString();
            start.Environment["CLIENT_ID"] = CouncilSignIn.Warehouse.ClientId;
            start.Environment["CLIENT_SECRET"] = CouncilSignIn.Warehouse.ClientSecret;
            start.Environment["API_RESOURCE"] = OidcProvider.ApiResource;
            var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var example = new ExampleClient(new Process { StartInfo = start, EnableRaisingEvents = true });
            example._python.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The example stopped:\n" + example.Errors));
            example._python.OutputDataReceived += (_, e) =>
            {
                if (e.Data is { Length: > 0 } line)
                {
                    example._lines.Writer.TryWrite(line);
                }
            };
            example._python.ErrorDataReceived += (_, e) =>
            {
                lock (example._errors)
                {
                    example._errors.AppendLine(e.Data);
                }

                if (e.Data?.StartsWith("Listening on ", StringComparison.Ordinal) == true)
                {
                    listening.TrySetResult();
                }
            };
            example._python.Start();
            example._python.BeginOutputReadLine();
            example._python.BeginErrorReadLine();
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(15));
            return example;
        }

        public async Task<string> NextLineAsync(TimeSpan timeout)
        {
            try
            {
                return await _lines.Reader.ReadAsync().AsTask().WaitAsync(timeout);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"The example printed nothing in {timeout}; it wrote:\n{Errors}");
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_python.HasExited)
            {
                _python.Kill(entireProcessTree: true);
                await _python.WaitForExitAsync();
            }

            _python.Dispose();
        }

        private static string RepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "examples", "follow_webhooks.py")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"examples/follow_webhooks.py is not above {AppContext.BaseDirectory}.");
        }
    }
}
