using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static CareReview.Bench.Program;

namespace CareReview.Bench;

/// <summary>
/// dotnet run -c Release --project bench/CareReview.Bench -- --api [--seconds S] [--concurrency C]
/// The API's read throughput (issue 21): the web app built in Release and run as deployed (Production, a new SQLite file
/// with the demo council's 320 children) with the real JwtBearer handler, which reads its signing key from a small
/// OpenID Connect discovery document served here. An integration that sees every child calls the children list (50 a
/// page) and one child, C callers at once for S seconds each after a warm-up; every call is audited as in production.
/// </summary>
internal static class ApiRun
{
    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 15);
        var concurrency = Option(args, "--concurrency", 8);
        var root = FindRoot();
        var work = Directory.CreateTempSubdirectory("carereview-api-bench-");
        using var key = RSA.Create(2048);
        var (oidcPort, appPort) = (FreePort(), FreePort());
        var authority = $"http://127.0.0.1:{oidcPort}";
        using var provider = ServeDiscovery(authority, key);
        Process? app = null;
        try
        {
            Say($"Building the web app (Release)...");
            Exec("dotnet", $"build \"{Path.Combine(root, "src", "CareReview.Web")}\" -c Release -nologo -v quiet");
            app = StartApp(root, work.FullName, appPort, authority);
            var baseAddress = new Uri($"http://127.0.0.1:{appPort}");
            await WaitForAsync(baseAddress, app);
            RegisterIntegration(Path.Combine(work.FullName, "bench.db"));

            var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = authority,
                Audience = "care-review-api",
                Claims = new Dictionary<string, object> { ["client_id"] = "bench", ["scope"] = "children:read" },
                Expires = DateTime.UtcNow.AddHours(2),
                SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = "bench" }, SecurityAlgorithms.RsaSha256),
            });
            using var http = new HttpClient { BaseAddress = baseAddress };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var first = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/v1/children?pageSize=200", UriKind.Relative))).RootElement;
            var total = first.GetProperty("total").GetInt32();
            var ids = first.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToArray();
            var pages = (total + 49) / 50;

            Say($"Care Review API read benchmark: {total} children, {concurrency} callers at once, {seconds} s a workload after 3 s of warm-up");
            Say($"Machine: {Environment.ProcessorCount} cores (load average {LoadAverage()} at the start); the app runs on the same machine");
            Say($"");
            Say($"| Workload | Requests | Requests/s | p50 ms | p95 ms | p99 ms | Errors |");
            Say($"|---|---|---|---|---|---|---|");
            await MeasureAsync(http, "GET /api/v1/children?page=N&pageSize=50", i => $"/api/v1/children?page={(i % pages) + 1}&pageSize=50", seconds, concurrency);
            await MeasureAsync(http, "GET /api/v1/children/{id}", i => $"/api/v1/children/{ids[i % ids.Length]}", seconds, concurrency);
            return 0;
        }
        finally
        {
            if (app is not null && !app.HasExited)
            {
                app.Kill(entireProcessTree: true);
                await app.WaitForExitAsync();
            }

            work.Delete(recursive: true);
        }
    }

    private static async Task MeasureAsync(HttpClient http, string name, Func<int, string> path, int seconds, int concurrency)
    {
        await RunForAsync(http, path, TimeSpan.FromSeconds(3), concurrency);
        var (latencies, errors, elapsed) = await RunForAsync(http, path, TimeSpan.FromSeconds(seconds), concurrency);
        latencies.Sort();
        double At(double q) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)(q * latencies.Count))];
        Say($"| {name} | {latencies.Count} | {latencies.Count / elapsed.TotalSeconds:F0} | {At(0.50):F1} | {At(0.95):F1} | {At(0.99):F1} | {errors} |");
    }

    private static async Task<(List<double> Latencies, int Errors, TimeSpan Elapsed)> RunForAsync(HttpClient http, Func<int, string> path, TimeSpan duration,
        int concurrency)
    {
        var latencies = new List<double>();
        var errors = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var mine = new List<double>();
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(new Uri(path(Interlocked.Increment(ref next)), UriKind.Relative));
                await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }

            lock (latencies)
            {
                latencies.AddRange(mine);
            }
        }));
        return (latencies, errors, clock.Elapsed);
    }

    /// <summary>The provider's discovery document and signing key, all the JwtBearer handler fetches from an Authority.</summary>
    private static HttpListener ServeDiscovery(string authority, RSA key)
    {
        var parameters = key.ExportParameters(false);
        var discovery = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["issuer"] = authority,
            ["jwks_uri"] = $"{authority}/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        });
        var jwks = JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = "RS256", kid = "bench", n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
            },
        });
        var listener = new HttpListener();
        listener.Prefixes.Add($"{authority}/");
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                var body = Encoding.UTF8.GetBytes(context.Request.Url!.AbsolutePath.EndsWith("/jwks", StringComparison.Ordinal) ? jwks : discovery);
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        });
        return listener;
    }

    private static Process StartApp(string root, string work, int port, string authority)
    {
        var web = Path.Combine(root, "src", "CareReview.Web");
        var start = new ProcessStartInfo("dotnet", $"bin/Release/net10.0/CareReview.Web.dll --urls http://127.0.0.1:{port}")
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__App"] = $"Data Source={Path.Combine(work, "bench.db")}";
        start.Environment["Demo__Enabled"] = "true";
        start.Environment["Clock__Today"] = "2027-03-01";
        start.Environment["Reminders__Enabled"] = "false";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Authentication__Oidc__Authority"] = authority;
        start.Environment["Authentication__Oidc__RequireHttpsMetadata"] = "false";
        start.Environment["RateLimits__ApiPerMinute"] = "100000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForAsync(Uri baseAddress, Process app)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        for (var i = 0; i < 900; i++)
        {
            if (app.HasExited)
            {
                throw new InvalidOperationException("The app stopped while starting");
            }

            try
            {
                if ((await http.GetAsync(new Uri("/sign-in", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(1000);
        }

        throw new TimeoutException("The app did not answer in 15 minutes");
    }

    /// <summary>What the administrator's Integrations page saves: an integration that sees every child.</summary>
    private static void RegisterIntegration(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO ApiIntegrations (ClientId, Name, Scopes, Reach, Enabled, RegisteredAtUtc, RegisteredBy, Version) "
            + "VALUES ('bench', 'Bench', 'children:read', 'AllChildren', 1, '2027-03-01 00:00:00', 'bench', 0)";
        command.ExecuteNonQuery();
    }

    private static void Exec(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)) ?? throw new InvalidOperationException($"{file} did not start");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed with {process.ExitCode}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CareReview.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run from inside the repository");
    }
}
