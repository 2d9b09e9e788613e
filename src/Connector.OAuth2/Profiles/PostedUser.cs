using System.Text.Json;

namespace Connector.OAuth2.Profiles;

/// <summary>
/// The <c>user</c> field a form_post callback may carry: Sign in with Apple posts <c>{"name":{"firstName","lastName"},"email"}</c>
/// on a user's first authorization only, and nowhere else (the ID token has no name). The profile map reads it under
/// <c>user</c> (<c>name</c> = <c>user.name.firstName</c>). It arrives through the browser, so it is bounded and must be a
/// JSON object; anything else is not Apple's and is left out.
/// </summary>
public static class PostedUser
{
    /// <summary>The member of the profile source it is offered under.</summary>
    public const string Member = "user";

    /// <summary>Apple's object is a few hundred bytes; a name cannot need more.</summary>
    public const int MaxLength = 4096;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 8 };

    /// <summary>The posted text as a JSON object, or false when it is too long, not JSON, or not an object.</summary>
    public static bool TryParse(string posted, out JsonElement user)
    {
        ArgumentNullException.ThrowIfNull(posted);
        user = default;
        if (posted.Length > MaxLength)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(posted, Options);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            user = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The profile source with <paramref name="user"/> as its <see cref="Member"/> (replacing one the provider's JSON had).</summary>
    internal static JsonElement AddTo(JsonElement source, JsonElement user)
    {
        var merged = source.ValueKind == JsonValueKind.Object ? JsonSerializer.SerializeToNode(source)!.AsObject() : [];
        merged[Member] = JsonSerializer.SerializeToNode(user);
        return JsonSerializer.SerializeToElement(merged);
    }
}
