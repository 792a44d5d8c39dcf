namespace CareReview.Tests.Support;

/// <summary>The checkout the tests run from, for tests that read its files (sources, README).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CareReview.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No CareReview.slnx above {AppContext.BaseDirectory}");
    }

    /// <summary>Whether a path is in a build's output (bin, obj), which holds copies of the sources.</summary>
    public static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules");
}
