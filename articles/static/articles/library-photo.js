// A photo from the library inside the body, stored by reference: <figure data-photo-id="12"></figure>.
// Readers get the photo's renditions and caption (articles/templatetags/richtext.py); here it shows
// as a box with a thumbnail. The menu's "사진" button opens the photo library as an admin popup:
// pick a photo there, or upload a new one, and it is placed at the cursor.
import { Node } from "django-prose-editor/editor"

const POPUP_PREFIX = "library_photo"
let waitingEditor = null

// Django admin's popups report back through these two functions on the opener window.
function hookAdminPopups() {
  for (const name of ["dismissRelatedLookupPopup", "dismissAddRelatedObjectPopup"]) {
    const original = window[name]
    if (original && original.libraryPhotoHook) continue
    const hooked = function (win, chosenId, ...rest) {
      if (win.name && win.name.startsWith(POPUP_PREFIX)) {
        if (waitingEditor) waitingEditor.chain().focus().insertLibraryPhoto(chosenId).run()
        waitingEditor = null
        win.close()
        return
      }
      if (original) return original(win, chosenId, ...rest)
    }
    hooked.libraryPhotoHook = true
    window[name] = hooked
  }
}

function openLibrary(editor, libraryUrl) {
  hookAdminPopups()
  waitingEditor = editor
  const popup = window.open(`${libraryUrl}?_popup=1&_to_field=id`, `${POPUP_PREFIX}__${Date.now()}`, "height=700,width=1000,resizable=yes,scrollbars=yes")
  if (popup) popup.focus()
}

export const LibraryPhoto = Node.create({
  name: "libraryPhoto",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  // Labels and the library's address come from BODY_EXTENSIONS in articles/richtext.py (translated there).
  addOptions() {
    return { label: "사진", placeholder: "사진 #", libraryUrl: "/admin/photos/photo/" }
  },

  addAttributes() {
    return {
      photoId: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-photo-id"),
        renderHTML: (attributes) => ({ "data-photo-id": attributes.photoId }),
      },
    }
  },

  parseHTML() {
    return [{ tag: "figure[data-photo-id]" }]
  },

  renderHTML({ HTMLAttributes }) {
    return ["figure", HTMLAttributes]
  },

  addNodeView() {
    const { placeholder, libraryUrl } = this.options
    return ({ node }) => {
      const dom = document.createElement("figure")
      dom.className = "library-photo-placeholder"
      dom.setAttribute("data-photo-id", node.attrs.photoId)
      const id = encodeURIComponent(node.attrs.photoId)
      const image = document.createElement("img")
      image.src = `${libraryUrl}${id}/thumbnail/`
      image.alt = ""
      const label = document.createElement("figcaption")
      label.textContent = `${placeholder}${node.attrs.photoId}`
      dom.append(image, label)
      return { dom }
    }
  },

  addMenuItems({ menu, buttons }) {
    const { label, libraryUrl } = this.options
    menu.defineItem({
      name: "libraryPhoto",
      groups: "nodes",
      button: buttons.text(label),
      command(editor) {
        openLibrary(editor, libraryUrl)
      },
    })
  },

  addCommands() {
    return {
      insertLibraryPhoto:
        (photoId) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { photoId: String(photoId) } }),
    }
  },
})
