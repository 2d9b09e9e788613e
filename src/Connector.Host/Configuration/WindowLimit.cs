namespace Connector.Host.Configuration;

/// <summary>At most <see cref="PermitLimit"/> requests per client address in each window of <see cref="WindowSeconds"/>; 0 turns the limit off.</summary>
internal sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; } = 60;

    public bool IsOff => PermitLimit == 0;
}
