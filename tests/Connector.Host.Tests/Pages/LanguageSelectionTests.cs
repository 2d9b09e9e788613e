using System.Net;
using System.Text.RegularExpressions;
using System.Web;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.Tests.Oidc;
using Connector.Host.Tests.SignIn;

namespace Connector.Host.Tests.Pages;

/// <summary>One host with a connector and an app, for the tests that leave the sign-in experience as it is.</summary>
public sealed class LanguageWorld : IAsyncLifetime
{
    public OidcWorld World { get; private set; } = null!;

    public OidcApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        World = await OidcWorld.StartAsync();
        App = await World.CreateAppAsync();
    }

    public ValueTask DisposeAsync() => World.DisposeAsync();
}

/// <summary>
/// The pages' language through the real host (<c>docs/sign-in-flow.md</c>): the OIDC request's <c>ui_locales</c>,
/// then <c>Accept-Language</c>, then the operator's default, each only among the enabled languages; a tag finds its
/// base language (de-AT → de, zh / zh-Hans → zh-CN); <c>&lt;html lang&gt;</c> says which; error pages too.
/// </summary>
public sealed partial class LanguageSelectionTests(LanguageWorld world) : IClassFixture<LanguageWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignInPage_ForAcceptLanguageJa_IsJapanese()
    {
        using var browser = world.World.Host.NewBrowser();

        var (status, page) = await GetAsync(browser, "/sign-in", "ja");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ja", page.Language);
        Assert.Equal("サインイン", page.Heading);
        Assert.Equal("サインイン · Connectors", page.Title);
        Assert.Contains("Acmeで続行", page.Text, StringComparison.Ordinal);
        Assert.Contains("サインイン方法を選択してください。", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UiLocalesOfTheAuthorizationRequest_ChoosesTheSignInPagesLanguage_OverAcceptLanguage()
    {
        using var browser = world.World.Host.NewBrowser();
        var authorize = OidcWorld.AuthorizePath(world.App, Pkce.Create()) + "&ui_locales=de";

        using var redirect = await SendAsync(browser, authorize, "fr");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var location = redirect.Headers.Location!.OriginalString;
        Assert.StartsWith("/sign-in?", location, StringComparison.Ordinal);
        Assert.Equal(authorize, HttpUtility.ParseQueryString(location.Split('?', 2)[1])["returnTo"]);
        var (status, page) = await GetAsync(browser, location, "fr");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("de", page.Language);
        Assert.Equal("Bei Next app anmelden", page.Heading);
        Assert.Contains("Weiter mit Acme", page.Text, StringComparison.Ordinal);
        Assert.Contains("Wählen Sie aus, wie Sie sich anmelden möchten.", page.Text, StringComparison.Ordinal);
    }

    /// <summary>OIDC Core §3.1.2.1: a space-separated list in order of preference; the first one offered wins.</summary>
    [Fact]
    public async Task UiLocales_IsAListInOrderOfPreference_AndCountsOnTheSignInPageItself()
    {
        using var browser = world.World.Host.NewBrowser();

        var (_, listed) = await GetAsync(browser, "/sign-in?ui_locales=" + Uri.EscapeDataString("pt-BR es-MX ja"), "de");
        var (_, direct) = await GetAsync(browser, "/sign-in?ui_locales=zh-Hans", "en");

        Assert.Equal("es", listed.Language);
        Assert.Equal("Iniciar sesión", listed.Heading);
        Assert.Equal("zh-CN", direct.Language);
        Assert.Equal("登录", direct.Heading);
        Assert.Contains("使用 Acme 继续", direct.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pt-BR")]
    [InlineData("pt-BR, pt;q=0.9, it;q=0.5")]
    [InlineData("*")]
    [InlineData("")]
    [InlineData("de;q=0, ja;q=0")]
    public async Task ALanguageNotOffered_FallsBackToTheDefault(string acceptLanguage)
    {
        using var browser = world.World.Host.NewBrowser();

        var (status, page) = await GetAsync(browser, "/sign-in", acceptLanguage);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("en", page.Language);
        Assert.Equal("Sign in", page.Heading);
        Assert.Contains("Continue with Acme", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de-AT", "de", "Anmelden")]
    [InlineData("de-CH-1996", "de", "Anmelden")]
    [InlineData("fr-CA", "fr", "Connexion")]
    [InlineData("es-419", "es", "Iniciar sesión")]
    [InlineData("ja-JP", "ja", "サインイン")]
    [InlineData("zh", "zh-CN", "登录")]
    [InlineData("zh-Hans", "zh-CN", "登录")]
    [InlineData("zh-Hans-CN", "zh-CN", "登录")]
    [InlineData("zh-cn", "zh-CN", "登录")]
    [InlineData("en-GB", "en", "Sign in")]
    [InlineData("DE", "de", "Anmelden")]
    [InlineData("pt-BR,fr-BE;q=0.8,en;q=0.5", "fr", "Connexion")]
    [InlineData("en;q=0.2, ja;q=0.9", "ja", "サインイン")]
    [InlineData("de;q=0, es", "es", "Iniciar sesión")]
    public async Task ARegionalOrScriptTag_FindsItsBaseLanguage_ByQuality(string acceptLanguage, string language, string heading)
    {
        using var browser = world.World.Host.NewBrowser();

        var (_, page) = await GetAsync(browser, "/sign-in", acceptLanguage);

        Assert.Equal(language, page.Language);
        Assert.Equal(heading, page.Heading);
    }

    [Fact]
    public async Task ALanguageTheOperatorDisabled_IsNotChosen_EvenWhenAskedFor()
    {
        await using var host = await SignInHost.StartAsync();
        await host.CreateConnectorAsync();
        using (var put = await host.Admin.PutAsync("/api/sign-in-experience",
            HttpJson.Body("""{ "connectors": ["acme"], "languages": { "default": "fr", "enabled": ["fr", "en"] } }"""), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using var browser = host.NewBrowser();

        var (_, asked) = await GetAsync(browser, "/sign-in", "de");
        var (_, byUiLocales) = await GetAsync(browser, "/sign-in?ui_locales=de", "de-DE");
        var (_, second) = await GetAsync(browser, "/sign-in", "de, en;q=0.5");
        var (_, unsupported) = await GetAsync(browser, "/sign-in", "pt-BR");
        var (errorStatus, error) = await GetAsync(browser, "/callback/acme?code=c&state=forged", "ja");

        Assert.Equal(("fr", "Connexion"), (asked.Language, asked.Heading));
        Assert.Contains("Continuer avec Acme", asked.Text, StringComparison.Ordinal);
        Assert.Equal(("fr", "Connexion"), (byUiLocales.Language, byUiLocales.Heading));
        Assert.Equal(("en", "Sign in"), (second.Language, second.Heading));
        Assert.Equal(("fr", "Connexion"), (unsupported.Language, unsupported.Heading));
        Assert.Equal(HttpStatusCode.BadRequest, errorStatus);
        Assert.Equal(("fr", "La connexion n’a pas pu aboutir"), (error.Language, error.Heading));
    }

    [Theory]
    [InlineData("en", "Sign-in could not be completed", "Error code", "Back to sign-in")]
    [InlineData("de", "Die Anmeldung konnte nicht abgeschlossen werden", "Fehlercode", "Zurück zur Anmeldung")]
    [InlineData("fr", "La connexion n’a pas pu aboutir", "Code d’erreur", "Retour à la connexion")]
    [InlineData("es", "No se pudo completar el inicio de sesión", "Código de error", "Volver al inicio de sesión")]
    [InlineData("ja", "サインインを完了できませんでした", "エラーコード", "サインインに戻る")]
    [InlineData("zh-CN", "无法完成登录", "错误代码", "返回登录")]
    public async Task TheErrorPageOfAForgedCallback_IsInTheVisitorsLanguage(string language, string heading, string codeLabel, string back)
    {
        using var browser = world.World.Host.NewBrowser();

        var (status, page) = await GetAsync(browser, $"/callback/{SignInHost.ConnectorId}?code=c&state=forged", language);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(language, page.Language);
        Assert.Equal(heading, page.Heading);
        Assert.Contains($"<dt>{codeLabel}</dt>", page.Text, StringComparison.Ordinal);
        Assert.Contains($">{back}</a>", page.Text, StringComparison.Ordinal);
        Assert.Contains("<code>invalid_state</code>", page.Text, StringComparison.Ordinal);
    }

    /// <summary>The provider's answer comes back without <c>ui_locales</c>: the page takes it from the authorization request the sign-in resumes.</summary>
    [Fact]
    public async Task AnErrorPageAfterTheProvider_KeepsTheLanguageOfTheAuthorizationRequest()
    {
        await using var own = await OidcWorld.StartAsync();
        var app = await own.CreateAppAsync();
        own.Host.Upstream.CallbackQuery = "error=access_denied";
        using var browser = own.Host.NewBrowser();
        var authorize = OidcWorld.AuthorizePath(app, Pkce.Create()) + "&ui_locales=ja";

        var callback = await Browser.AtProviderAsync(await browser.StartAsync(SignInHost.ConnectorId, authorize));
        var (status, page) = await GetAsync(browser, callback, "fr");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(("ja", "サインインをキャンセルしました"), (page.Language, page.Heading));
        Assert.Contains("<code>provider_access_denied</code>", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherErrorPages_AreLocalizedToo()
    {
        using var browser = world.World.Host.NewBrowser();

        var (notFoundStatus, notFound) = await GetAsync(browser, "/sign-in/nope", "es-ES");
        var (refusedStatus, refused) = await GetAsync(browser, "/oidc/auth?client_id=unknown&response_type=code&scope=openid&ui_locales=ja", "de");

        Assert.Equal(HttpStatusCode.NotFound, notFoundStatus);
        Assert.Equal(("es", "No se encontró el método de inicio de sesión"), (notFound.Language, notFound.Heading));
        Assert.Contains("Volver al inicio de sesión", notFound.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refusedStatus);
        Assert.Equal(("ja", "このサインイン要求は拒否されました"), (refused.Language, refused.Heading));
    }

    private static async Task<HttpResponseMessage> SendAsync(Browser browser, string path, string acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (acceptLanguage.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        return await browser.Client.SendAsync(request, Ct);
    }

    /// <summary>A page as the visitor reads it (character references decoded): its language, title, heading and text.</summary>
    private static async Task<(HttpStatusCode Status, Page Page)> GetAsync(Browser browser, string path, string acceptLanguage)
    {
        using var response = await SendAsync(browser, path, acceptLanguage);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, new Page(
            HtmlLang().Match(html).Groups[1].Value,
            TitleElement().Match(html).Groups[1].Value,
            Heading().Match(html).Groups[1].Value,
            html));
    }

    private sealed record Page(string Language, string Title, string Heading, string Text);

    [GeneratedRegex("""<html lang="([^"]*)" """)]
    private static partial Regex HtmlLang();

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex TitleElement();

    [GeneratedRegex("""<h1 id="page-title">(.*?)</h1>""", RegexOptions.Singleline)]
    private static partial Regex Heading();
}
