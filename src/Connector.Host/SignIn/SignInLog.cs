namespace Connector.Host.SignIn;

/// <summary>The sign-in flow's log events (ids 4100–4199); never tokens, codes, state or profiles.</summary>
internal static partial class SignInLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Sign-in through {ConnectorId} succeeded for user {UserId} (new: {IsNew})")]
    public static partial void Succeeded(ILogger logger, string connectorId, Guid userId, bool isNew);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Sign-in through {ConnectorId} failed: {Code}")]
    public static partial void Failed(ILogger logger, string connectorId, string code);

    /// <summary>No connector id: on a callback without a known state it is whatever the sender wrote.</summary>
    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug, Message = "Callback refused: {Reason}")]
    public static partial void CallbackRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning,
        Message = "Refused a sign-in start: {Max} unfinished sign-ins are kept already (Connectors:SignIn:MaxPendingStates)")]
    public static partial void PendingCeilingReached(ILogger logger, int max);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Debug, Message = "Form post callback for {ConnectorId} came without the binding cookie: relayed once")]
    public static partial void FormPostRelayed(ILogger logger, string connectorId);

    /// <summary>Only the length: the field is personal data.</summary>
    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning,
        Message = "Ignored the user field ({Length} characters) posted to {ConnectorId}'s callback: not a JSON object of at most 4096 characters")]
    public static partial void PostedUserIgnored(ILogger logger, string connectorId, int length);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Debug, Message = "Deleted {Count} expired sign-in states")]
    public static partial void StatesDeleted(ILogger logger, int count);
}
