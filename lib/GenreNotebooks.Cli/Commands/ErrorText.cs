namespace GenreNotebooks.Cli.Commands;

/// <summary>The message of an exception as a command prints it: without .NET's parameter-name and actual-value suffixes.</summary>
internal static class ErrorText
{
    public static string Of(Exception e)
    {
        var message = e.Message;
        if (e is ArgumentOutOfRangeException { ActualValue: { } actual })
            message = message.Replace($"{Environment.NewLine}Actual value was {actual}.", "", StringComparison.Ordinal);
        if (e is ArgumentException { ParamName: { } param })
            message = message.Replace($" (Parameter '{param}')", "", StringComparison.Ordinal);
        return message;
    }
}
