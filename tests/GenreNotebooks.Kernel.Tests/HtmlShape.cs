using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace GenreNotebooks.Kernel.Tests;

/// <summary>
/// What a reader sees of an HTML output, to compare the kernel's and the runner's: for a table, its header cells
/// and, per row, each cell's text (a tree view cell by its summary); for a tree view, its summary and its rows; for
/// <c>&lt;pre&gt;</c> text, the text. Styles, scripts, ids and attributes do not count.
/// </summary>
internal static partial class HtmlShape
{
    private sealed class Node(string tag)
    {
        public string Tag { get; } = tag;
        public List<object> Children { get; } = [];
        public IEnumerable<Node> Elements => Children.OfType<Node>();

        public string Text()
        {
            var sb = new StringBuilder();
            foreach (var c in Children) sb.Append(c is Node n ? n.Text() : (string)c);
            return sb.ToString();
        }

        public Node? Find(string tag) => Tag == tag ? this : Elements.Select(e => e.Find(tag)).FirstOrDefault(e => e is not null);
    }

    public static string Of(string html)
    {
        html = StyleOrScript().Replace(html, "");
        var root = Parse(html);
        var first = root.Elements.FirstOrDefault();
        return first is null ? "text: " + WebUtility.HtmlDecode(root.Text()).Trim() : Describe(first);
    }

    private static string Describe(Node n) => n.Tag switch
    {
        "table" => Table(n),
        "details" => "tree: " + Clean(n.Find("summary")?.Text()) + " | " + (n.Find("table") is { } t ? Table(t) : ""),
        _ => "text: " + Clean(n.Text()),
    };

    private static string Table(Node table)
    {
        var sb = new StringBuilder("table");
        var head = table.Elements.FirstOrDefault(e => e.Tag == "thead");
        if (head is not null) sb.Append(" [").Append(string.Join(" | ", head.Elements.SelectMany(r => r.Elements).Select(c => Clean(c.Text())))).Append(']');
        var body = table.Elements.FirstOrDefault(e => e.Tag == "tbody");
        foreach (var row in body?.Elements ?? [])
            sb.Append(" (").Append(string.Join(" | ", row.Elements.Select(Cell))).Append(')');
        return sb.ToString();
    }

    private static string Cell(Node td) =>
        td.Elements.FirstOrDefault(e => e.Tag == "details") is { } d ? Clean(d.Find("summary")?.Text()) : Clean(td.Text());

    private static string Clean(string? s) => Regex.Replace(WebUtility.HtmlDecode(s ?? ""), @"\s+", " ").Trim();

    private static Node Parse(string html)
    {
        var root = new Node("#root");
        var stack = new Stack<Node>();
        stack.Push(root);
        foreach (Match m in Token().Matches(html))
        {
            if (m.Groups["text"].Success) { stack.Peek().Children.Add(m.Groups["text"].Value); continue; }
            var tag = m.Groups["tag"].Value.ToLowerInvariant();
            if (m.Groups["close"].Value == "/")
            {
                while (stack.Count > 1 && stack.Peek().Tag != tag) stack.Pop();
                if (stack.Count > 1) stack.Pop();
            }
            else if (m.Groups["self"].Value != "/" && tag is not ("br" or "img" or "meta" or "hr"))
            {
                var node = new Node(tag);
                stack.Peek().Children.Add(node);
                stack.Push(node);
            }
        }
        return root;
    }

    [GeneratedRegex("<(style|script)[^>]*>.*?</\\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex StyleOrScript();

    [GeneratedRegex("<(?<close>/?)(?<tag>[a-zA-Z0-9]+)[^>]*?(?<self>/?)>|(?<text>[^<]+)")]
    private static partial Regex Token();
}
