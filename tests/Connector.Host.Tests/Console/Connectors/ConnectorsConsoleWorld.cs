using System.Net;
using AngleSharp.Dom;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.Tests.SignIn;

namespace Connector.Host.Tests.Console.Connectors;

/// <summary>
/// One test's world for the console's Connectors section: its own database, a host on a fake clock, a fake provider
/// (<see cref="SignInHost"/>), and an operator signed in to the console with the primary admin key.
/// </summary>
public sealed class ConnectorsConsoleWorld : IAsyncDisposable
{
    /// <summary>The secret every test's connector form sends: it must never come back in a page or the audit trail.</summary>
    public const string Secret = "s3cret-value-never-shown";

    private ConnectorsConsoleWorld(SignInHost host, ConsoleVisitor visitor)
    {
        Host = host;
        Operator = visitor;
    }

    public SignInHost Host { get; }

    public ConsoleVisitor Operator { get; }

    public FakeProvider Upstream => Host.Upstream;

    /// <summary>The audit's name for the primary admin key (a fingerprint of it, never the key).</summary>
    public static string KeyActor => AdminKeys.PrimaryActor;

    public static async Task<ConnectorsConsoleWorld> StartAsync()
    {
        var host = await SignInHost.StartAsync();
        return new ConnectorsConsoleWorld(host, await ConsoleVisitor.SignedInAsync(host.Factory));
    }

    /// <summary>What the OAuth2 form sends for a connector to <see cref="Upstream"/> when every field is right.</summary>
    public Dictionary<string, string> ValidOAuth2Form(string id = "acme", string name = "Acme") => new()
    {
        ["name"] = name,
        ["id"] = id,
        ["config.authorizationEndpoint"] = Upstream.AuthorizationEndpoint,
        ["config.tokenEndpoint"] = Upstream.TokenEndpoint,
        ["config.userInfoEndpoint"] = Upstream.UserInfoEndpoint,
        ["config.clientId"] = "acme-client",
        ["config.clientSecret"] = Secret,
        ["config.scope"] = "openid profile",
        ["config.profileMap.id"] = "sub",
    };

    /// <summary>The form whose action is <paramref name="action"/>, as the browser would send it now: its inputs' values, ticked boxes, chosen options.</summary>
    public static Dictionary<string, string> FormValues(IDocument document, string action)
    {
        var form = document.QuerySelectorAll("form").Single(candidate => candidate.GetAttribute("action") == action);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element.LocalName, element.GetAttribute("type"))
            {
                case ("input", "checkbox"):
                    if (element.HasAttribute("checked"))
                    {
                        values[name] = element.GetAttribute("value") ?? "on";
                    }

                    break;
                case ("select", _):
                    var options = element.QuerySelectorAll("option");
                    values[name] = (options.FirstOrDefault(option => option.HasAttribute("selected")) ?? options[0]).GetAttribute("value") ?? "";
                    break;
                case ("textarea", _):
                    values[name] = element.TextContent;
                    break;
                default:
                    values[name] = element.GetAttribute("value") ?? "";
                    break;
            }
        }

        return values;
    }

    /// <summary>The page's form with <paramref name="changes"/> (a null value unticks a box or empties nothing: it leaves the field out).</summary>
    public static Dictionary<string, string> Changed(Dictionary<string, string> values, Dictionary<string, string?> changes)
    {
        var changed = new Dictionary<string, string>(values, StringComparer.Ordinal);
        foreach (var (name, value) in changes)
        {
            if (value is null)
            {
                changed.Remove(name);
            }
            else
            {
                changed[name] = value;
            }
        }

        return changed;
    }

    /// <summary>The form posted to <paramref name="to"/> (a button's <c>formaction</c>) with everything it holds, the page's token included.</summary>
    public async Task<ConsolePage> PostAsync(string to, Dictionary<string, string> values)
    {
        using var content = new FormUrlEncodedContent(values);
        using var response = await Operator.Browser.Client.PostAsync(new Uri(to, UriKind.Relative), content, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new ConsolePage(response.StatusCode, response.Headers.Location, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html),
            response.Headers.CacheControl?.NoStore ?? false);
    }

    /// <summary>GET the page, change its form, and send it as its own submit button would.</summary>
    public async Task<ConsolePage> SubmitAsync(string path, string action, Dictionary<string, string?> changes, string? to = null)
    {
        var page = await Operator.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return await PostAsync(to ?? action, Changed(FormValues(page.Document, action), changes));
    }

    public Task<IReadOnlyList<AuditRow>> AuditAsync(string action) =>
        Host.Database.QueryAsync<AuditRow>(
            "SELECT actor AS Actor, target AS Target, outcome AS Outcome, details::text AS Details FROM audit_events WHERE action = @Action ORDER BY id",
            new { Action = action });

    public async Task<string> AllAuditTextAsync() =>
        string.Join('\n', await Host.Database.QueryAsync<string>("SELECT e::text FROM audit_events e"));

    public async ValueTask DisposeAsync()
    {
        Operator.Browser.Dispose();
        await Host.DisposeAsync();
    }

    public sealed record AuditRow(string Actor, string? Target, string Outcome, string? Details);
}
