using System.Reflection;
using System.Text.RegularExpressions;
using Connector.Host.Problems;

namespace Connector.Host.Tests.Architecture;

/// <summary>The documented codes (<c>docs/error-codes.md</c>) are exactly the catalogue's, both ways.</summary>
public sealed partial class ErrorCatalogueTests
{
    [Fact]
    public void TheErrorCodesPage_ListsEveryCodeOfTheCatalogue_AndNoOther()
    {
        var catalogue = Codes(typeof(ErrorCodes)).Concat(Codes(typeof(ErrorCodes.Field))).ToHashSet(StringComparer.Ordinal);
        var documented = DocumentedCode().Matches(SourceTree.Read("docs", "error-codes.md"))
            .Select(match => match.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.True(catalogue.Count > 40, "the catalogue was read");
        Assert.Empty(catalogue.Except(documented));
        Assert.Empty(documented.Except(catalogue));
    }

    [Fact]
    public void TheReadme_PointsToTheErrorCodesPage()
    {
        Assert.Contains("docs/error-codes.md", SourceTree.Read("README.md"), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Codes(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!);

    /// <summary>A table row whose first cell is a code in backticks.</summary>
    [GeneratedRegex(@"^\|\s*`([a-z_]+)`\s*\|", RegexOptions.Multiline)]
    private static partial Regex DocumentedCode();
}
