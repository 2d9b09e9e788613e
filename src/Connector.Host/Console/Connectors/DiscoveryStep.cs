using Connector.Host.Connectors.Discovery;
using Connector.Host.Console.Kit;
using Connector.Host.Problems;

namespace Connector.Host.Console.Connectors;

/// <summary>
/// The discovery button of a connector form: reads the issuer field through <see cref="ConnectorDiscovery"/> and
/// answers the form to show again — prefilled, or as typed with the discovery's problem beside the issuer.
/// </summary>
internal static class DiscoveryStep
{
    private static readonly IReadOnlyList<FormField> IssuerOnly = [new(ConnectorForm.IssuerField, FormFieldKind.Text)];

    public static async Task<(FormValues Values, FormErrors Errors, DiscoveryNote? Note, int Status)> RunAsync(
        IFormCollection form, ConnectorDiscovery discovery, CancellationToken ct)
    {
        var formErrors = new FieldErrors();
        var request = FormDocument.Read(form, IssuerOnly, formErrors);
        switch (await discovery.DiscoverAsync(request, ct))
        {
            case DiscoveryOutcome.Found found:
                return (DiscoveryPrefill.Apply(form, found.Response.Config), FormErrors.None, DiscoveryPrefill.Note(found.Response), StatusCodes.Status200OK);
            case DiscoveryOutcome.Invalid invalid:
                return (FormValues.From(form), FormErrors.From(formErrors, invalid.Errors, IssuerOnly), null, StatusCodes.Status400BadRequest);
            case DiscoveryOutcome.Failed failed:
                var errors = new FieldErrors();
                errors.Add(ConnectorForm.IssuerField, failed.Code, failed.Message);
                return (FormValues.From(form), FormErrors.From(formErrors, errors, IssuerOnly), null, StatusCodes.Status502BadGateway);
            case var other:
                throw new InvalidOperationException($"A discovery does not end as {other}.");
        }
    }
}
