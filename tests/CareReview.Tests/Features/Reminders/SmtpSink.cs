using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace CareReview.Tests.Features.Reminders;

/// <summary>
/// A real SMTP server on 127.0.0.1, for the length of one test: Debian's python3-aiosmtpd running
/// smtp_sink.py, which saves each message it accepts to a folder this class reads.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true };

    private readonly Process _process;
    private readonly string _directory;

    private SmtpSink(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts the server on <paramref name="port"/>, or on a free port.</summary>
    public static async Task<SmtpSink> StartAsync(int? port = null)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Features", "Reminders", "smtp_sink.py");
        var directory = Directory.CreateTempSubdirectory("carereview-smtp-").FullName;
        var listenOn = port ?? FreePort();

        // Debian's interpreter, which is the one python3-aiosmtpd installs for (a python3 earlier on PATH may not have it).
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(listenOn.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(directory);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {python}");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line != "ready")
            {
                var error = await process.StandardError.ReadToEndAsync(timeout.Token);
                throw new InvalidOperationException(
                    $"The test SMTP server did not start (is Debian's python3-aiosmtpd installed? test.sh installs it): {line} {error}");
            }
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            Directory.Delete(directory, recursive: true);
            throw;
        }

        return new SmtpSink(process, directory, listenOn);
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived, and returns all that have.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> WaitForMessagesAsync(int count, TimeSpan? timeout = null)
    {
        // A stopwatch, not the date: how long to wait has nothing to do with what day it is.
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var messages = Received();
            if (messages.Count >= count || waited.Elapsed > limit)
            {
                return messages;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The messages received so far, in order of arrival.</summary>
    public IReadOnlyList<ReceivedMessage> Received() =>
        Directory.GetFiles(_directory, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Deserialize<ReceivedMessage>(File.ReadAllText(f), s_json)!)
            .ToList();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // Closing standard input asks the server to stop; if it does not, it is ended.
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A port nothing is listening on now (the system picks it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

internal sealed record ReceivedMessage(string MailFrom, IReadOnlyList<string> RcptTos, string From, string To, string Subject, string Body);
