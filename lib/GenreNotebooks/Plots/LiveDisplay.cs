using System.Collections;
using System.Reflection;

namespace GenreNotebooks.Plots;

/// <summary>
/// Makes a notebook's <c>display(...)</c> handle update its output in place in VS Code (Polyglot Notebooks).
/// Polyglot replaces an output when a <c>DisplayedValueUpdated</c> event carries the id of the output's
/// <c>DisplayedValueProduced</c> event, and appends a new output otherwise. The .NET Interactive C# kernel
/// (1.0.0-beta.26120.1, the last release) returns from <c>display(x)</c> a different handle from the one it
/// published, whose updates carry a fresh id: the first output stays as it was and the updates land in a second one.
/// That handle also formats every update in the MIME type of the first value: a figure sent to the handle of
/// <c>display("training ...")</c> arrives as text/plain (<c>Figure(scatter, ...)</c>), not as a chart.
/// <see cref="InPlace{T}"/> gives such a handle the id of the output it was returned for, so its updates replace that
/// output; <see cref="InPlace(Action{object})"/> also formats each update in the MIME type the kernel prefers for
/// the new value (HTML for a figure), as <c>display(value)</c> would. Handles of the project's own notebook runner,
/// and anything else, are returned unchanged. <see cref="TrainingMonitor"/> applies this to the update it is given.
/// </summary>
public static class LiveDisplay
{
    private const string KernelHandleType = "Microsoft.DotNet.Interactive.Formatting.DisplayedValue";
    private const string KernelContextType = "Microsoft.DotNet.Interactive.KernelInvocationContext, Microsoft.DotNet.Interactive";

    /// <summary>
    /// Returns <paramref name="handle"/> (the value of a notebook <c>display(...)</c> call) after pointing its updates
    /// at the output it was returned for. Call it in the cell that displayed the value, before the first update.
    /// </summary>
    public static T InPlace<T>(T handle) where T : class
    {
        if (handle is not null) Repair(handle);
        return handle!;
    }

    /// <summary>
    /// The same repair for an update action such as <c>display(...).Update</c>, whose updates then replace the
    /// handle's output, each in the MIME type the kernel prefers for its value. Returns <paramref name="update"/>
    /// itself for anything but a .NET Interactive kernel handle.
    /// </summary>
    public static Action<object> InPlace(Action<object> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Target is not { } handle || !Repair(handle)) return update;
        return value =>
        {
            FormatAsPreferred(handle, value);
            update(value);
        };
    }

    // Reflection, because the library must not depend on the kernel: it runs without it in the project's runner, the
    // CLI and the file-based apps. Every step checks what it finds and leaves the handle alone when anything differs
    // (another kernel build, a handle already updated, an output from an earlier cell).
    // True when handle is a kernel handle whose updates now carry its output's id.
    private static bool Repair(object handle)
    {
        var type = handle.GetType();
        if (type.FullName != KernelHandleType) return false;
        try
        {
            if (type.GetProperty("IsUpdated")?.GetValue(handle) is true) return false;
            var idField = type.GetField("_displayId", BindingFlags.Instance | BindingFlags.NonPublic);
            if (idField is null || idField.GetValue(handle) is not null) return false;
            var formatted = type.GetProperty("FormattedValues")?.GetValue(handle);
            if (formatted is null) return false;
            var id = ProducedId(formatted);
            if (id is null) return false;
            idField.SetValue(handle, id);
            return true;
        }
        catch (Exception e) when (e is TargetInvocationException or FieldAccessException or ArgumentException or InvalidOperationException)
        {
            // A kernel whose internals differ keeps its own behaviour.
            return false;
        }
    }

    // The handle's Update formats the new value in the MIME types of its current formatted values; give it a
    // placeholder in the types the kernel's formatter prefers for the new value (Formatter.GetPreferredMimeTypesFor).
    private static void FormatAsPreferred(object handle, object value)
    {
        if (value is null) return;
        try
        {
            var type = handle.GetType();
            var formattedType = type.Assembly.GetType("Microsoft.DotNet.Interactive.Formatting.FormattedValue");
            var formatter = type.Assembly.GetType("Microsoft.DotNet.Interactive.Formatting.Formatter");
            var preferred = formatter?.GetMethod("GetPreferredMimeTypesFor", [typeof(Type)])?.Invoke(null, [value.GetType()]) as IEnumerable<string>;
            var setter = type.GetProperty("FormattedValues")?.GetSetMethod(nonPublic: true);
            if (formattedType is null || preferred is null || setter is null) return;
            var mimes = preferred.ToArray();
            if (mimes.Length == 0) return;
            var list = Array.CreateInstance(formattedType, mimes.Length);
            for (int i = 0; i < mimes.Length; i++) list.SetValue(Activator.CreateInstance(formattedType, mimes[i], ""), i);
            setter.Invoke(handle, [list]);
        }
        catch (Exception e) when (e is TargetInvocationException or MissingMethodException or ArgumentException or InvalidOperationException)
        {
            // Keep the handle's own MIME types.
        }
    }

    // The DisplayedValueProduced event the kernel published for this handle shares its list of formatted values.
    private static string? ProducedId(object formattedValues)
    {
        var contextType = Type.GetType(KernelContextType, throwOnError: false);
        var context = contextType?.GetProperty("Current", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
        var result = context?.GetType().GetProperty("Result")?.GetValue(context);
        if (result?.GetType().GetProperty("Events")?.GetValue(result) is not IEnumerable events) return null;
        string? id = null;
        foreach (var e in events.Cast<object>().ToArray())
        {
            var eventType = e.GetType();
            if (eventType.Name != "DisplayedValueProduced") continue;
            if (ReferenceEquals(eventType.GetProperty("FormattedValues")?.GetValue(e), formattedValues))
                id = eventType.GetProperty("ValueId")?.GetValue(e) as string;
        }
        return id;
    }
}
