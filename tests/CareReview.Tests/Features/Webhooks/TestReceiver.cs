using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CareReview.Tests.Features.Webhooks;

/// <summary>One POST the receiver was sent: its body and the headers Care Review signs and names it with.</summary>
internal sealed record ReceivedEvent(string Body, string Signature, string DeliveryId, string EventHeader)
{
    private JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Id => Json.GetProperty("id").GetString()!;
    public string Event => Json.GetProperty("event").GetString()!;
    public int? ChildId => Number("child_id");
    public int? ReviewId => Number("review_id");
    public int? RecommendationId => Number("recommendation_id");
    public int? EscalationId => Number("escalation_id");

    /// <summary>The names of the body's fields, to show it carries ids and the event only.</summary>
    public IReadOnlyList<string> Fields => [.. Json.EnumerateObject().Select(p => p.Name)];

    private int? Number(string name) => Json.TryGetProperty(name, out var value) ? value.GetInt32() : null;

    /// <summary>
    /// Checks the signature as docs/webhooks.md tells a receiver to, written here independently of the app's code:
    /// HMAC-SHA256, keyed with the secret's UTF-8 bytes, over "t.body", compared in constant time.
    /// </summary>
    public bool SignedWith(string secret)
    {
        var parts = Signature.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{parts["t"]}.{Body}"));
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(parts["v1"]));
    }

    public long SignedAt => long.Parse(Signature.Split(',')[0]["t=".Length..], CultureInfo.InvariantCulture);
}

/// <summary>
/// A webhook receiver the test starts: a small Kestrel server on the loopback address that records what it is sent
/// and answers <see cref="Answer"/>. It can be made on a port without listening yet, to stand for a receiver that is down.
/// </summary>
internal sealed class TestReceiver : IAsyncDisposable
{
    private WebApplication? _server;

    private TestReceiver(int port) => Port = port;

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/care-review/events";
    public ConcurrentQueue<ReceivedEvent> Received { get; } = new();

    /// <summary>The status the receiver answers with.</summary>
    public HttpStatusCode Answer { get; set; } = HttpStatusCode.OK;

    public static async Task<TestReceiver> StartAsync()
    {
        var receiver = Down();
        await receiver.StartListeningAsync();
        return receiver;
    }

    /// <summary>A receiver with an address but nothing listening there yet.</summary>
    public static TestReceiver Down()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new TestReceiver(port);
    }

    public async Task StartListeningAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, Port));
        var server = builder.Build();
        server.MapPost("/care-review/events", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            Received.Enqueue(new ReceivedEvent(await reader.ReadToEndAsync(), request.Headers["Care-Review-Signature"].ToString(),
                request.Headers["Care-Review-Delivery"].ToString(), request.Headers["Care-Review-Event"].ToString()));
            return Results.StatusCode((int)Answer);
        });
        await server.StartAsync();
        _server = server;
    }

    public IReadOnlyList<ReceivedEvent> For(string eventName, int childId) =>
        [.. Received.Where(r => r.Event == eventName && r.ChildId == childId)];

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
