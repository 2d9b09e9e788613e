namespace Connector.Host.Telemetry;

/// <summary>
/// Why a callback was refused before any sign-in was found: the <c>reason</c> of
/// <c>connectors_callbacks_refused_total</c>. Such a callback writes no audit row (anyone can send one, as often as the
/// rate limit lets them), so this count is all that is kept of it.
/// </summary>
internal static class CallbackRefusals
{
    /// <summary>The callback carried no <c>state</c>.</summary>
    public const string MissingState = "missing_state";

    /// <summary>A state that is not pending for this browser and connector: never issued, already used, another browser's, another connector's.</summary>
    public const string UnknownState = "unknown_state";

    /// <summary>A POST to a connector whose provider redirects (<c>query</c>), or a redirect to a <c>form_post</c> one.</summary>
    public const string WrongResponseMode = "wrong_response_mode";

    /// <summary>A POST whose body is too large or not a form.</summary>
    public const string UnreadableForm = "unreadable_form";
}
