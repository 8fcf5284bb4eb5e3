import { BrowserRouter, Routes, Route, Navigate } from 'react-router-dom';
import NoteView from './components/NoteView';
import SearchResults from './components/SearchResults';
import Login from './pages/Login';
import AdminPage from './pages/AdminPage';

export default function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<Login />} />
        <Route path="/notes/:id" element={<NoteView />} />
        <Route path="/search" element={<SearchResults />} />
        <Route path="/admin" element={<AdminPage />} />
        <Route path="*" element={<Navigate to="/notes" replace />} />
      </Routes>
    </BrowserRouter>
  );
}
