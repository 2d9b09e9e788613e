using FluentValidation.Results;

namespace Connector.Host.Problems;

/// <summary>Field errors of one request, keyed by field path (<c>config.tokenEndpoint</c>), each with a message and a code.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _codes = new(StringComparer.Ordinal);

    public bool IsEmpty => _messages.Count == 0;

    public bool Has(string path) => _messages.ContainsKey(path);

    public void Add(string path, string code, string message)
    {
        if (!_messages.TryGetValue(path, out var messages))
        {
            _messages[path] = messages = [];
            _codes[path] = [];
        }

        messages.Add(message);
        _codes[path].Add(code);
    }

    /// <summary>Adds FluentValidation failures under <paramref name="prefix"/>, skipping fields already reported (a field whose JSON had the wrong type also reads as missing).</summary>
    public void AddRange(ValidationResult result, string prefix = "")
    {
        var alreadyReported = new HashSet<string>(_messages.Keys, StringComparer.Ordinal);
        foreach (var failure in result.Errors)
        {
            var path = prefix.Length == 0 ? failure.PropertyName : $"{prefix}.{failure.PropertyName}";
            if (!alreadyReported.Contains(path))
            {
                Add(path, string.IsNullOrEmpty(failure.ErrorCode) ? ErrorCodes.ValidationFailed : failure.ErrorCode, failure.ErrorMessage);
            }
        }
    }

    public Dictionary<string, string[]> Messages() => _messages.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);

    public Dictionary<string, string[]> Codes() => _codes.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
}
