using System.Diagnostics.CodeAnalysis;

namespace Connector.OAuth2.Results;

/// <summary>Either a value or a <see cref="ConnectorError"/>; expected failures are values, not exceptions.</summary>
public readonly record struct ConnectorResult<T>
{
    private ConnectorResult(T? value, ConnectorError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public ConnectorError? Error { get; }

    [MemberNotNullWhen(true, nameof(Error))]
    [MemberNotNullWhen(false, nameof(Value))]
    public bool IsError => Error is not null;

#pragma warning disable CA1000 // Factory methods on the result type read best at call sites: ConnectorResult<T>.Failure(error).
    public static ConnectorResult<T> Success(T value) => new(value, null);

    public static ConnectorResult<T> Failure(ConnectorError error) => new(default, error);
#pragma warning restore CA1000

#pragma warning disable CA2225 // Named alternatives are Success and Failure.
    public static implicit operator ConnectorResult<T>(T value) => Success(value);

    public static implicit operator ConnectorResult<T>(ConnectorError error) => Failure(error);
#pragma warning restore CA2225
}
