using System.Net;
using System.Net.Http.Headers;
using System.Xml;
using System.Xml.Linq;
using Connector.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Connector.Host.Tests.Presets;

/// <summary>
/// Issue 14: every preset, and the demo provider's connector, ships a light and a dark logo (presets/logos), safe to
/// show, served by the host at /assets/logos/{file}, and named by the preset list.
/// </summary>
public sealed class PresetLogoTests(PresetLogoTests.Hosts hosts) : IClassFixture<PresetLogoTests.Hosts>
{
    private const string Demo = "demo";
    private const string SvgMediaType = "image/svg+xml";

    private static readonly string[] Forbidden = ["<script", "href", "url(", "@import", "<text", "<foreignobject"];
    private static readonly string[] Shapes = ["svg", "g", "path", "circle", "rect"];
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every preset's id and the demo connector's.</summary>
    public static IReadOnlyList<string> Ids => [.. PresetFiles.Ids, Demo];

    /// <summary>Each id's two logo files: <c>{id}.svg</c> (light background) and <c>{id}-dark.svg</c>.</summary>
    public static IReadOnlyList<string> Files => [.. Ids.SelectMany(id => new[] { id + ".svg", id + "-dark.svg" })];

    public static TheoryData<string> AllFiles => [.. Files];

    [Fact]
    public void EveryPresetAndTheDemo_HaveALightAndADarkLogo_AndNoOtherLogoIsThere()
    {
        Assert.True(Ids.Count >= 18, $"{Ids.Count} presets and the demo");
        foreach (var file in Files)
        {
            Assert.True(File.Exists(Path.Combine(LogoFolder.Value, file)), $"presets/logos/{file} is missing");
        }

        var present = Directory.GetFiles(LogoFolder.Value, "*.svg").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(Files.Order(StringComparer.Ordinal), present);
    }

    [Fact]
    public void Readme_NamesTheSourceOfEveryLogo()
    {
        var readme = File.ReadAllText(Path.Combine(LogoFolder.Value, "README.md"));

        foreach (var file in Files)
        {
            Assert.Contains($"`{file}`", readme, StringComparison.Ordinal);
        }

        Assert.Contains("CC0", readme, StringComparison.Ordinal);
        Assert.Contains("trademarks", readme, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Logo_IsASmallSelfContainedSvg(string file)
    {
        var path = Path.Combine(LogoFolder.Value, file);
        var text = File.ReadAllText(path);

        Assert.True(new FileInfo(path).Length < 4096, $"{file} is {new FileInfo(path).Length} bytes");
        foreach (var forbidden in Forbidden)
        {
            Assert.DoesNotContain(forbidden, text, StringComparison.OrdinalIgnoreCase);
        }

        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(path, settings);
        var root = XDocument.Load(reader).Root!;
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("0 0 24 24", root.Attribute("viewBox")?.Value);
        foreach (var element in root.DescendantsAndSelf())
        {
            Assert.Equal(Svg, element.Name.Namespace);
            Assert.Contains(element.Name.LocalName, Shapes);
            Assert.DoesNotContain(element.Attributes(), a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        }

        Assert.Contains(root.Descendants(), e => e.Name.LocalName != "g");
    }

    /// <summary>A host run from its build output (as scripts/run.sh and the published image run it): wwwroot/assets/logos.</summary>
    [Theory]
    [MemberData(nameof(AllFiles))]
    public async Task Logo_IsServedAsSvg_ByAHostRunFromItsOutput(string file) =>
        await AssertServedAsync(hosts.FromOutput.CreateClient(), file);

    /// <summary>A Development host run from the project folder (dotnet run): the static web assets manifest points at presets/logos.</summary>
    [Theory]
    [MemberData(nameof(AllFiles))]
    public async Task Logo_IsServedAsSvg_ByADevelopmentHostRunFromTheProject(string file) =>
        await AssertServedAsync(hosts.Development.CreateClient(), file);

    [Fact]
    public async Task PresetList_ShowsEachPresetsLogoUrls_AndTheyResolve()
    {
        using var admin = hosts.FromOutput.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKeys.Primary);

        var response = await admin.GetAsync("/api/connector-presets", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var presets = (await response.ReadJsonAsync()).AsArray();
        Assert.Equal(PresetFiles.Ids.Count, presets.Count);
        foreach (var preset in presets)
        {
            var id = preset!["id"]!.GetValue<string>();
            Assert.Equal($"/assets/logos/{id}.svg", preset["logoUrl"]!.GetValue<string>());
            Assert.Equal($"/assets/logos/{id}-dark.svg", preset["logoDarkUrl"]!.GetValue<string>());
            await AssertServedAsync(admin, id + ".svg", preset["logoUrl"]!.GetValue<string>());
            await AssertServedAsync(admin, id + "-dark.svg", preset["logoDarkUrl"]!.GetValue<string>());
        }

        var one = await (await admin.GetAsync("/api/connector-presets/github", Ct)).ReadJsonAsync();
        Assert.Equal("/assets/logos/github.svg", one["logoUrl"]!.GetValue<string>());
        Assert.Equal("/assets/logos/github-dark.svg", one["logoDarkUrl"]!.GetValue<string>());
    }

    private static async Task AssertServedAsync(HttpClient client, string file, string? url = null)
    {
        var response = await client.GetAsync(url ?? "/assets/logos/" + file, Ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file}: {(int)response.StatusCode}");
        Assert.Equal(SvgMediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(LogoFolder.Value, file), Ct), await response.Content.ReadAsByteArrayAsync(Ct));
    }

    private static readonly Lazy<string> LogoFolder = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var logos = Path.Combine(directory.FullName, "presets", "logos");
            if (File.Exists(Path.Combine(directory.FullName, "Connectors.sln")) && Directory.Exists(logos))
            {
                return logos;
            }
        }

        throw new InvalidOperationException($"No presets/logos folder above {AppContext.BaseDirectory}.");
    });

    /// <summary>
    /// One database and the two ways a host finds its static files: run from its output folder (content root there,
    /// Production), and run from the project in Development (the default test content root, through the manifest).
    /// </summary>
    public sealed class Hosts : IAsyncLifetime
    {
        private TestDatabase? _database;
        private HostFactory? _production;
        private WebApplicationFactory<Program>? _fromOutput;
        private HostFactory? _development;

        public WebApplicationFactory<Program> FromOutput => _fromOutput ?? throw new InvalidOperationException("Not initialized.");

        public HostFactory Development => _development ?? throw new InvalidOperationException("Not initialized.");

        public async ValueTask InitializeAsync()
        {
            _database = await TestDatabase.CreateAsync();
            _production = new HostFactory(_database.ConnectionString);
            // The test output holds the host's build output, wwwroot/assets/logos included.
            _fromOutput = _production.WithWebHostBuilder(builder => builder.UseContentRoot(AppContext.BaseDirectory));
            _development = new HostFactory(_database.ConnectionString, environment: "Development");
        }

        public async ValueTask DisposeAsync()
        {
            if (_fromOutput is not null)
            {
                await _fromOutput.DisposeAsync();
            }

            if (_production is not null)
            {
                await _production.DisposeAsync();
            }

            if (_development is not null)
            {
                await _development.DisposeAsync();
            }

            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }
    }
}
