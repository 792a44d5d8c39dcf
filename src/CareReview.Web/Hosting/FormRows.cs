using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareReview.Web.Hosting;

/// <summary>
/// The rows of a list or dictionary in a form are read as the pages write them: by their place
/// (<c>Input.Stages[2].Respondent</c>) or their key (<c>Input.Considerations[4]</c>). ASP.NET Core can also read rows
/// named in an extra field (<c>Input.Stages.index=6</c>), which no page writes; the fuzz test of issue 19 sent one, and
/// the rows it named but did not send came out as nothing, a 500 in the handler that read them (the review record, the
/// dispute-resolution stages), and a dictionary's rows named twice that way threw inside the framework's binder. That
/// field is not read.
/// </summary>
public sealed class FormRows(IList<IModelBinderProvider> providers) : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        if (!context.Metadata.IsCollectionType)
        {
            return null;
        }

        var framework = providers.Where(p => p != this).Select(p => p.GetBinder(context)).FirstOrDefault(b => b is not null);
        return framework is null ? null : new Binder(framework);
    }

    private sealed class Binder(IModelBinder framework) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            var sent = bindingContext.ValueProvider;
            bindingContext.ValueProvider = new WithoutIndex(sent, ModelNames.CreatePropertyModelName(bindingContext.ModelName, "index"));
            try
            {
                await framework.BindModelAsync(bindingContext);
            }
            finally
            {
                bindingContext.ValueProvider = sent;
            }
        }
    }

    /// <summary>The form's values as sent, except the one field that would name the rows.</summary>
    private sealed class WithoutIndex(IValueProvider sent, string index) : IEnumerableValueProvider, IBindingSourceValueProvider
    {
        public IValueProvider? Filter(BindingSource bindingSource) =>
            sent is IBindingSourceValueProvider filtering
                ? filtering.Filter(bindingSource) is { } filtered ? new WithoutIndex(filtered, index) : null
                : this;

        public bool ContainsPrefix(string prefix) =>
            !string.Equals(prefix, index, StringComparison.OrdinalIgnoreCase) && sent.ContainsPrefix(prefix);

        public ValueProviderResult GetValue(string key) =>
            string.Equals(key, index, StringComparison.OrdinalIgnoreCase) ? ValueProviderResult.None : sent.GetValue(key);

        /// <summary>A dictionary's keys, as it reads them when no field names its rows: "index" is not one of them.</summary>
        public IDictionary<string, string> GetKeysFromPrefix(string prefix) =>
            sent is IEnumerableValueProvider enumerable
                ? enumerable.GetKeysFromPrefix(prefix).Where(k => !string.Equals(k.Value, index, StringComparison.OrdinalIgnoreCase))
                    .ToDictionary(k => k.Key, k => k.Value, StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, string>();
    }
}
