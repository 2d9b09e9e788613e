using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Connector.Host.Tests.Infrastructure;

/// <summary>Whether any form of a private key (its PEM, its DER, its private number) shows up in a text: an answer, a page, a dump, the logs.</summary>
public static class KeyMaterial
{
    /// <summary>Neither a line of the PEM's base64, nor the key's DER in hex, nor its private part as a JWK <c>d</c> appears in <paramref name="text"/>.</summary>
    public static void AssertAbsent(string pem, string text)
    {
        var lines = pem.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(line => !line.StartsWith("-----", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.DoesNotContain(line, text, StringComparison.Ordinal));
        Assert.DoesNotContain(JsonValue.Create(pem).ToJsonString().Trim('"'), text, StringComparison.Ordinal);
        var der = Convert.FromBase64String(string.Concat(lines));
        Assert.DoesNotContain(Convert.ToHexStringLower(der), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Base64UrlEncoder.Encode(PrivatePart(pem)), text, StringComparison.Ordinal);
    }

    private static byte[] PrivatePart(string pem)
    {
        if (pem.Contains("BEGIN PRIVATE KEY", StringComparison.Ordinal) && TryEc(pem) is { } d)
        {
            return d;
        }

        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return rsa.ExportParameters(true).D!;
    }

    private static byte[]? TryEc(string pem)
    {
        using var ec = ECDsa.Create();
        try
        {
            ec.ImportFromPem(pem);
            return ec.ExportParameters(true).D;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
