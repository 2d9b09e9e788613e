using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Connector.Host.Tests.Console;

/// <summary>
/// A console form as the browser would send it: every named control's value (ticked boxes, selected options, text
/// areas, fields sent more than once), which a test then changes before posting with the page's own token.
/// </summary>
public sealed class ConsoleForm
{
    private readonly List<KeyValuePair<string, string>> _values;

    private ConsoleForm(string action, List<KeyValuePair<string, string>> values) => (Action, _values) = (action, values);

    public string Action { get; }

    /// <summary>The form of <paramref name="document"/> that posts to <paramref name="action"/>, filled in as it is shown.</summary>
    public static ConsoleForm Of(IDocument document, string action)
    {
        var form = document.QuerySelectorAll("form").FirstOrDefault(candidate => candidate.GetAttribute("action") == action)
            ?? throw new InvalidOperationException($"No form posts to {action} on this page.");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var control in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = control.GetAttribute("name")!;
            switch (control)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when box.IsChecked:
                    values.Add(KeyValuePair.Create(name, box.Value));
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" or "submit" or "button" }:
                    break;
                case IHtmlInputElement input:
                    values.Add(KeyValuePair.Create(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(KeyValuePair.Create(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    values.Add(KeyValuePair.Create(name, (select.SelectedOptions.Length > 0 ? select.SelectedOptions[0].Value : select.Options.Length > 0 ? select.Options[0].Value : "")));
                    break;
            }
        }

        return new ConsoleForm(action, values);
    }

    /// <summary>The field <paramref name="name"/> sent as <paramref name="values"/> (none: not sent, as an unticked box).</summary>
    public ConsoleForm With(string name, params string[] values)
    {
        _values.RemoveAll(pair => pair.Key == name);
        _values.AddRange(values.Select(value => KeyValuePair.Create(name, value)));
        return this;
    }

    public IReadOnlyList<string> ValuesOf(string name) => [.. _values.Where(pair => pair.Key == name).Select(pair => pair.Value)];

    /// <summary>Posts the form, as a press of its submit button does.</summary>
    public async Task<HttpResponseMessage> SendAsync(ConsoleVisitor visitor, string? action = null)
    {
        using var content = new FormUrlEncodedContent(_values);
        return await visitor.Browser.Client.PostAsync(new Uri(action ?? Action, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }
}
