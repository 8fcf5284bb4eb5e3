import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api';

function highlight(text, query) {
  if (!query) return text;
  const i = text.toLowerCase().indexOf(query.toLowerCase());
  if (i < 0) return text;
  return text.slice(0, i) + '<mark>' + text.slice(i, i + query.length) + '</mark>' + text.slice(i + query.length);
}

export default function SearchResults() {
  const [params] = useSearchParams();
  const q = params.get('q') || '';
  const [results, setResults] = useState([]);

  useEffect(() => {
    api.get('/api/notes/search?q=' + encodeURIComponent(q)).then(setResults);
  }, [q]);

  return (
    <section>
      <h2>
        {results.length} results for “{q}”
      </h2>
      <ul className="results">
        {results.map((r) => (
          <li key={r.id}>
            <Link to={`/notes/${r.id}`} dangerouslySetInnerHTML={{ __html: highlight(r.title, q) }} />
          </li>
        ))}
      </ul>
    </section>
  );
}
