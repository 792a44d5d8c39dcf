using System.Diagnostics;

namespace CareReview.Tests.Support;

/// <summary>
/// The app as a council starts it: its own process, configured by environment variables alone, for what only a real
/// start shows (settings it refuses, what a new database gets by default).
/// </summary>
public static class AppProcess
{
    /// <summary>A new SQLite file in the temporary folder, for <c>ConnectionStrings__App</c>.</summary>
    public static string NewDatabaseFile() => Path.Combine(Path.GetTempPath(), $"carereview-process-{Guid.NewGuid():N}.db");

    /// <summary>Deletes a database file from <see cref="NewDatabaseFile"/> and the two files write-ahead logging keeps beside it.</summary>
    public static void DeleteDatabaseFile(string path)
    {
        foreach (var file in new[] { path, $"{path}-wal", $"{path}-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Runs the app to its exit (a refusal, or a command such as <c>export-903</c>) with these environment variables; a
    /// new database file unless they name one.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CareReview.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var ownDatabase = NewDatabaseFile();
        start.Environment["ConnectionStrings__App"] = $"Data Source={ownDatabase}";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        DeleteDatabaseFile(ownDatabase);
        return (process.ExitCode, (await output) + (await error));
    }
}
