using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace CareReview.Tests.Shared;

/// <summary>A synthetic person the test provider knows: they sign in with their email address and password.</summary>
public sealed record OidcUser(string Sub, string Email, string Name, IReadOnlyList<string> Groups, string Password = OidcUser.DefaultPassword)
{
    public const string DefaultPassword = "Provider-pass-2026!";
}

/// <summary>An application registered with the test provider, in oidc-provider's own client metadata.</summary>
public sealed record OidcClient(
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret,
    [property: JsonPropertyName("grant_types")] IReadOnlyList<string> GrantTypes,
    [property: JsonPropertyName("redirect_uris")] IReadOnlyList<string> RedirectUris,
    [property: JsonPropertyName("post_logout_redirect_uris")] IReadOnlyList<string> PostLogoutRedirectUris)
{
    [JsonPropertyName("response_types")]
    public IReadOnlyList<string> ResponseTypes => RedirectUris.Count == 0 ? [] : ["code"];

    /// <summary>Secrets in the form body, as ASP.NET Core's OpenID Connect handler sends them.</summary>
    [JsonPropertyName("token_endpoint_auth_method")]
    public string TokenEndpointAuthMethod => "client_secret_post";

    /// <summary>Care Review (or another web app) at <paramref name="app"/>: signs people in, and back out through the provider.</summary>
    public static OidcClient WebApp(string clientId, string clientSecret, Uri app) =>
        new(clientId, clientSecret, ["authorization_code"], [new Uri(app, "/signin-oidc").ToString()], [new Uri(app, "/sign-in").ToString()]);

    /// <summary>An integration: another system that calls the API as itself (client credentials), never a person.</summary>
    public static OidcClient Integration(string clientId, string clientSecret) => new(clientId, clientSecret, ["client_credentials"], [], []);
}

/// <summary>
/// A real OpenID Connect provider for the tests: npm's oidc-provider run with node (tests/oidc-provider/provider.mjs) on a
/// free local port, with synthetic users and clients. It issues ID tokens with the users' groups, and JWT access
/// tokens for Care Review's API (<see cref="ApiAudience"/>) to users and to integrations. <c>./test.sh</c> installs its
/// npm packages (<c>npm ci</c> in tests/oidc-provider). Dispose it to stop it.
/// </summary>
public sealed partial class OidcProvider : IAsyncDisposable
{
    /// <summary>The API's resource indicator (RFC 8707), which every access token is for unless a client names another.</summary>
    public const string ApiResource = "api://care-review";

    /// <summary>The audience of the API's access tokens: Care Review's <c>Authentication:Oidc:ApiAudience</c> default.</summary>
    public const string ApiAudience = "care-review-api";

    /// <summary>Another of the council's APIs (resource indicator), whose tokens are for <see cref="OtherAudience"/>, not Care Review.</summary>
    public const string OtherResource = "api://another-council-service";

    public const string OtherAudience = "another-council-service";

    /// <summary>
    /// Where the provider listens: a loopback address other than the app's 127.0.0.1, so that to the browser it is
    /// another site, as a council's Entra ID is, and SameSite cookies are tested as they will be used.
    /// </summary>
    public const string Host = "127.0.0.2";

    /// <summary>The API's own scopes (ADR-0032), so that a token the provider issues carries scopes the API knows.</summary>
    public static readonly IReadOnlyList<string> DefaultApiScopes = CareReview.Web.Features.Api.ApiScopes.All;

    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private readonly Process _node;
    private readonly StringBuilder _output;

    private OidcProvider(Process node, StringBuilder output, Uri authority)
    {
        _node = node;
        _output = output;
        Authority = authority;
        TokenEndpoint = new Uri(authority, "/token");
    }

    /// <summary>The issuer, such as http://127.0.0.2:41234: Care Review's <c>Authentication:Oidc:Authority</c>.</summary>
    public Uri Authority { get; }

    /// <summary>Where clients get tokens, as the provider's discovery document names it.</summary>
    public Uri TokenEndpoint { get; private set; }

    /// <summary>What the provider has printed so far, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<OidcProvider> StartAsync(IEnumerable<OidcUser> users, IEnumerable<OidcClient> clients, IReadOnlyList<string>? apiScopes = null)
    {
        var folder = Folder();
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "oidc-provider")))
        {
            throw new InvalidOperationException($"The test OpenID Connect provider's packages are not installed: run npm ci in {folder} (./test.sh does).");
        }

        var port = FreePort(IPAddress.Parse(Host));
        var authority = new Uri($"http://{Host}:{port}");
        var output = new StringBuilder();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var node = new Process
        {
            StartInfo = new ProcessStartInfo("node", "provider.mjs")
            {
                WorkingDirectory = folder,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
            EnableRaisingEvents = true,
        };
        void Print(string? line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }

            if (line?.StartsWith("listening on ", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        }

        node.OutputDataReceived += (_, e) => Print(e.Data);
        node.ErrorDataReceived += (_, e) => Print(e.Data);
        node.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The test OpenID Connect provider stopped:\n" + output));
        node.Start();
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
        var provider = new OidcProvider(node, output, authority);
        try
        {
            await node.StandardInput.WriteAsync(JsonSerializer.Serialize(new
            {
                host = Host,
                port,
                users = users.Select(u => new { u.Sub, u.Email, u.Name, u.Groups, u.Password }),
                clients,
                api = new
                {
                    resource = ApiResource,
                    audience = ApiAudience,
                    scopes = apiScopes ?? DefaultApiScopes,
                    others = new[] { new { resource = OtherResource, audience = OtherAudience } },
                },
            }, s_json));
            node.StandardInput.Close();
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
            using var http = new HttpClient();
            using var discovery = JsonDocument.Parse(await http.GetStringAsync(new Uri(authority, "/.well-known/openid-configuration")));
            provider.TokenEndpoint = new Uri(discovery.RootElement.GetProperty("token_endpoint").GetString()!);
            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// An integration's access token (client credentials): a JWT whose audience is <see cref="ApiAudience"/>, or with
    /// <paramref name="resource"/> <see cref="OtherResource"/>, <see cref="OtherAudience"/>.
    /// </summary>
    public async Task<string> ClientCredentialsTokenAsync(string clientId, string clientSecret, string? scope = null, string resource = ApiResource)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["scope"] = scope ?? string.Join(' ', DefaultApiScopes),
                ["resource"] = resource,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}")));
        return await AccessTokenFromAsync(http, request);
    }

    /// <summary>
    /// A person's access token for the API, as an app acting for them gets it: the authorization code flow with PKCE,
    /// through the provider's own login page, over HTTP without a browser. The client must be a <see cref="OidcClient.WebApp"/>;
    /// nothing need listen at its redirect address.
    /// </summary>
    public async Task<string> UserAccessTokenAsync(OidcClient client, OidcUser user, string? scope = null)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var redirectUri = client.RedirectUris[0];
        var query = new Dictionary<string, string>
        {
            ["client_id"] = client.ClientId,
            ["response_type"] = "code",
            ["scope"] = $"openid {scope ?? string.Join(' ', DefaultApiScopes)}",
            ["redirect_uri"] = redirectUri,
            ["code_challenge"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256",
            ["state"] = Base64Url(RandomNumberGenerator.GetBytes(16)),
        };
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler);
        var next = new Uri(Authority, "/auth?" + string.Join('&', query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")));
        HttpContent? form = null;
        for (var step = 0; step < 10; step++)
        {
            using var response = form is null ? await http.GetAsync(next) : await http.PostAsync(next, form);
            form = null;
            if (response.Headers.Location is { } location)
            {
                next = new Uri(next, location);
                if (!next.ToString().StartsWith(redirectUri, StringComparison.Ordinal))
                {
                    continue;
                }

                var code = System.Web.HttpUtility.ParseQueryString(next.Query)["code"]
                    ?? throw new InvalidOperationException($"The provider sent no code: {next}");
                using var request = new HttpRequestMessage(HttpMethod.Post, TokenEndpoint)
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["grant_type"] = "authorization_code",
                        ["code"] = code,
                        ["redirect_uri"] = redirectUri,
                        ["code_verifier"] = verifier,
                        ["client_id"] = client.ClientId,
                        ["client_secret"] = client.ClientSecret,
                    }),
                };
                return await AccessTokenFromAsync(http, request);
            }

            // The provider's login page: sign in as the person.
            var page = await response.Content.ReadAsStringAsync();
            var action = LoginAction().Match(page);
            if (!action.Success)
            {
                throw new InvalidOperationException($"The provider answered {(int)response.StatusCode} without its login form:\n{page}");
            }

            next = new Uri(Authority, action.Groups[1].Value);
            form = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = user.Email, ["password"] = user.Password });
        }

        throw new InvalidOperationException("The provider never sent the person back with a code.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_node.HasExited)
        {
            _node.Kill(entireProcessTree: true);
            await _node.WaitForExitAsync();
        }

        _node.Dispose();
    }

    private static async Task<string> AccessTokenFromAsync(HttpClient http, HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The provider refused the token request ({(int)response.StatusCode}): {body}");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    private static string Folder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "oidc-provider");
            if (File.Exists(Path.Combine(candidate, "provider.mjs")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"tests/oidc-provider/provider.mjs is not above {AppContext.BaseDirectory}.");
    }

    /// <summary>A local port nothing listens on now, for a server that must know its address before it starts.</summary>
    public static int FreePort(IPAddress? address = null)
    {
        using var listener = new TcpListener(address ?? IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("""<form method="post" action="(/interaction/[^"]+/login)">""")]
    private static partial Regex LoginAction();
}
