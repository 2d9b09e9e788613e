using Microsoft.Playwright;

namespace Connector.Browser.Tests.Infrastructure;

/// <summary>
/// Keeps a PNG of each page as a test artifact (screenshots/ in the test output folder, and attached to the
/// test result) and, when CONNECTORS_UPDATE_DOCS=1, refreshes docs/screenshots/ for the README.
/// </summary>
public static class Screenshots
{
    public const string UpdateDocsVariable = "CONNECTORS_UPDATE_DOCS";

    public static string ArtifactFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task TakeAsync(IPage page, string name, bool forDocs = true)
    {
        var png = await page.ScreenshotAsync(new() { Type = ScreenshotType.Png, Animations = ScreenshotAnimations.Disabled });
        Directory.CreateDirectory(ArtifactFolder);
        await File.WriteAllBytesAsync(Path.Combine(ArtifactFolder, name + ".png"), png);
        if (TestContext.Current.TestStatus == TestEngineStatus.Running)
        {
            TestContext.Current.AddAttachment(name, png, "image/png"); // the runner adds ".png" from the media type
        }
        if (forDocs && Environment.GetEnvironmentVariable(UpdateDocsVariable) == "1")
        {
            var docs = Path.Combine(RepositoryRoot(), "docs", "screenshots");
            Directory.CreateDirectory(docs);
            await File.WriteAllBytesAsync(Path.Combine(docs, name + ".png"), png);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Connectors.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Connectors.sln above {AppContext.BaseDirectory}: cannot find docs/screenshots.");
    }
}
