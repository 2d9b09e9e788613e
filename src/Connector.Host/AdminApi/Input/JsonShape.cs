using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Connector.Host.Problems;

namespace Connector.Host.AdminApi.Input;

/// <summary>
/// Checks a JSON object against the shape of a .NET type before it is bound, so every unknown field (a
/// typo such as <c>tokenEndpiont</c>) and every value of the wrong type is reported at once, by path,
/// instead of being ignored or stopping at the first one as the serializer would.
/// </summary>
internal static class JsonShape
{
    /// <summary>Returns the fields that fit (nulls dropped: absent and null mean the same here), adding an error for each that does not.</summary>
    public static JsonObject Check(JsonObject source, JsonTypeInfo type, string path, FieldErrors errors)
    {
        var clean = new JsonObject();
        foreach (var (name, value) in source)
        {
            var field = path.Length == 0 ? name : $"{path}.{name}";
            var property = type.Properties.FirstOrDefault(p => p.Set is not null && string.Equals(p.Name, name, StringComparison.Ordinal));
            if (property is null)
            {
                errors.Add(field, ErrorCodes.Field.UnknownField, $"Unknown field '{name}'.");
                continue;
            }

            if (value is null)
            {
                continue;
            }

            var propertyType = type.Options.GetTypeInfo(property.PropertyType);
            if (propertyType.Kind == JsonTypeInfoKind.Object)
            {
                if (value is JsonObject nested)
                {
                    clean[name] = Check(nested, propertyType, field, errors);
                }
                else
                {
                    errors.Add(field, ErrorCodes.Field.InvalidType, "Must be an object.");
                }

                continue;
            }

            try
            {
                _ = value.Deserialize(propertyType);
                clean[name] = value.DeepClone();
            }
            catch (JsonException)
            {
                errors.Add(field, ErrorCodes.Field.InvalidType, $"Must be {Describe(property.PropertyType)}.");
            }
        }

        return clean;
    }

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return "a string";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type.IsPrimitive)
        {
            return "a number";
        }

        return typeof(System.Collections.IEnumerable).IsAssignableFrom(type) && type.IsGenericType && type.GetGenericArguments().Length == 2
            ? "an object of string values"
            : "a value of another type";
    }
}
