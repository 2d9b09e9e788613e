using System.Globalization;

namespace Connector.Host.Console.Dashboard;

/// <summary>
/// A value axis from zero: its top is the first round number (1, 2 or 5 times a power of ten per step, at most four
/// steps) at or above the largest value, so the gridlines fall on numbers a reader can count with.
/// </summary>
internal sealed record ChartScale(long Top, long Step)
{
    public static ChartScale For(long largest)
    {
        if (largest <= 0)
        {
            return new(1, 1);
        }

        for (var power = 1L; ; power *= 10)
        {
            foreach (var step in new[] { power, 2 * power, 5 * power })
            {
                var steps = (largest + step - 1) / step;
                if (steps <= 4)
                {
                    return new(steps * step, step);
                }
            }
        }
    }

    public IEnumerable<long> Ticks => Enumerable.Range(0, (int)(Top / Step) + 1).Select(i => i * Step);

    /// <summary>The share of the axis <paramref name="value"/> takes, 0 to 1.</summary>
    public double Share(long value) => (double)value / Top;

    /// <summary>A coordinate as SVG writes it: invariant, a tenth of a pixel at most (never "12,5" in a German page).</summary>
    public static string Svg(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
