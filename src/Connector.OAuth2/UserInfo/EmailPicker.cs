using System.Text.Json;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Profiles;

namespace Connector.OAuth2.UserInfo;

/// <summary>Chooses an address from an <see cref="EmailLookup"/> answer: primary and verified first, then any verified one.</summary>
internal static class EmailPicker
{
    public static string? Pick(EmailLookup lookup, JsonElement emails)
    {
        string? verified = null;
        foreach (var entry in emails.EnumerateArray())
        {
            if (ProfileMapper.Resolve(entry, lookup.VerifiedPath) != "true" || ProfileMapper.Resolve(entry, lookup.EmailPath) is not { } email)
            {
                continue; // an unverified address could belong to someone else
            }

            if (ProfileMapper.Resolve(entry, lookup.PrimaryPath) == "true")
            {
                return email;
            }

            verified ??= email;
        }

        return verified;
    }
}
