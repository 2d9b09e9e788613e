namespace Connector.Host.Console.Access;

internal static partial class ConsoleLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "{Actor} signed in to the console ({Method})")]
    public static partial void SignedIn(ILogger logger, string actor, string method);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "A console sign-in was refused: {Reason}")]
    public static partial void SignInRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "{Actor} signed out of the console")]
    public static partial void SignedOut(ILogger logger, string actor);
}
