namespace DemoProvider;

public sealed class DemoOptions
{
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";

    /// <summary>Redirect URIs the demo client may use; empty accepts any (a demo convenience).</summary>
    public IList<string> RedirectUris { get; } = [];
}
